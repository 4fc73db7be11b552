import { useApi } from '../useApi';

export function useUpdateQuery(path: string, params?: Record<string, any>) {
  const { post, useMutation } = useApi();
  const query = useMutation<any, Error & { code?: string }, Record<string, any>>({
    mutationFn: (data: Record<string, any>) => post(path, { ...data, ...params }),
  });

  return { ...query, touch: (key: string) => console.log('modified', key) };
}
