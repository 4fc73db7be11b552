const redis = process.env.UPSTASH_REDIS_REST_URL
  ? { url: process.env.UPSTASH_REDIS_REST_URL, token: process.env.UPSTASH_REDIS_REST_TOKEN }
  : undefined;

export default redis;
