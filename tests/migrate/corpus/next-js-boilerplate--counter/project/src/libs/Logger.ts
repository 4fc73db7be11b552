export const logger = {
  info: (message: string) => console.log(message),
};
