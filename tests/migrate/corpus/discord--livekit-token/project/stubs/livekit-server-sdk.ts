// Stand-in for livekit-server-sdk's AccessToken.
export class AccessToken {
  private grants: Record<string, unknown> = {};
  constructor(private apiKey: string, private apiSecret: string, private options: { identity: string }) {}
  addGrant(grant: Record<string, unknown>) {
    this.grants = { ...this.grants, ...grant };
  }
  async toJwt(): Promise<string> {
    return btoa(JSON.stringify({ key: this.apiKey, sub: this.options.identity, video: this.grants }));
  }
}
