export declare const DEV_URL: string;
export declare const DEFAULT_PUBLIC_URL: string;
export declare function normalizePublicUrl(url: string): string;
export declare function rewriteManifestUrls(xml: string, publicUrl: string, devUrl?: string): string;
