// Types for verify-signature.mjs (the receivers' example, imported by Trace's demo receiver).
export declare const TOLERANCE_SECONDS: number;
export declare function verifyTraceSignature(delivery: {
  secret: string;
  body: string | Buffer;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  nowSeconds?: number;
}): boolean;
