import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';

async function request(method: string, url: string, body?: object) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${localStorage.getItem('umami.auth') ?? ''}`,
      'content-type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const { message, code, status } = data?.error || {};
    return Promise.reject(Object.assign(new Error(message), { code, status }));
  }
  return data;
}

export function useApi() {
  const getUrl = (url: string) => (url.startsWith('http') ? url : `${process.env.basePath || ''}/api${url}`);

  return {
    get: useCallback(async (url: string) => request('GET', getUrl(url)), []),
    post: useCallback(async (url: string, params: object = {}) => request('POST', getUrl(url), params), []),
    del: useCallback(async (url: string) => request('DELETE', getUrl(url)), []),
    useQuery,
    useMutation,
  };
}
