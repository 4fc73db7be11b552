"use client";

import { useParams } from "next/navigation";

interface ApiListProps {
  entityName: string;
  entityIdName: string;
}

// Shows the store owner the endpoints their storefront can call.
export const ApiList: React.FC<ApiListProps> = ({ entityName, entityIdName }) => {
  const params = useParams();
  const origin = typeof window !== "undefined" ? window.location.origin : "";

  const baseUrl = `${origin}/api/${params.storeId}`;

  return (
    <ul>
      <li>GET (public) <code>{`${baseUrl}/${entityName}`}</code></li>
      <li>GET (public) <code>{`${baseUrl}/${entityName}/{${entityIdName}}`}</code></li>
      <li>POST (admin) <code>{`${baseUrl}/${entityName}`}</code></li>
      <li>PATCH (admin) <code>{`${baseUrl}/${entityName}/{${entityIdName}}`}</code></li>
      <li>DELETE (admin) <code>{`${baseUrl}/${entityName}/{${entityIdName}}`}</code></li>
    </ul>
  );
};
