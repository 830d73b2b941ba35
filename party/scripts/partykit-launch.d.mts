export declare const PARTY_DIR: string;
export declare function findPartykitBin(from?: string): string;
export declare function partykitDevCommand(options: { vars: Record<string, string>; port: number | string; persistDir?: string; host?: string }): {
  args: string[];
  env: { PARTYKIT_HOST: string };
  cleanup: () => void;
};
