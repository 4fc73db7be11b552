export const fetcher = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) {
    const { code, cause } = await response.json();
    throw Object.assign(new Error(String(code)), { cause });
  }
  return response.json();
};
