// office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest cannot load.
// Nothing in the tests uses the manifest API through the mock.
export {};
