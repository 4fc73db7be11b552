// Stand-in for the query-string package's stringifyUrl.
type Query = Record<string, string | string[] | number | null | undefined>;

const qs = {
  stringifyUrl(
    object: { url: string; query?: Query },
    options: { skipNull?: boolean } = {},
  ): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(object.query ?? {})) {
      if (value === undefined || (options.skipNull && value === null)) continue;
      params.append(key, String(value));
    }
    const search = params.toString();
    return search ? `${object.url}?${search}` : object.url;
  },
};

export default qs;
