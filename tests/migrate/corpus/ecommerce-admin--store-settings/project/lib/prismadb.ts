import { model } from "./model";

export type Store = { id: string; name: string; userId: string };
export type Billboard = { id: string; label: string; imageUrl: string; storeId: string };
export type Product = { id: string; name: string; price: number; storeId: string; isArchived: boolean };
export type Order = { id: string; storeId: string; isPaid: boolean; productIds: string[] };

const prismadb = {
  store: model<Store>(),
  billboard: model<Billboard>(),
  product: model<Product>(),
  order: model<Order>(),
};

export default prismadb;
