/// <reference types="vite/client" />

// Deep imports of bootstrap-italia's ES modules (its own types only describe the bundle entry).
declare module 'bootstrap-italia/dist/plugins/fonts-loader.js' {
  /** Adds the @font-face rules for Titillium Web, Lora and Roboto Mono, served from `path`. */
  export default function loadFonts(path?: string): void;
}

declare module 'bootstrap-italia/dist/plugins/init.js' {
  const init: () => void;
  export default init;
}
