import { useApi } from '../useApi';

export function useDeleteQuery(path: string) {
  const { del, useMutation } = useApi();
  const query = useMutation({
    mutationFn: () => del(path),
  });

  return { ...query, touch: (key: string) => console.log('modified', key) };
}
