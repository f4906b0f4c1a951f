import { defineConfig } from 'vite';

// Built into dist/, which ./build.sh copies to out/wwwroot for carved to serve. Everything is bundled: no CDN.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // noVNC uses top-level await.
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npm run dev` against a running carved: CARVE_URL=https://host:8006 npm run dev
    proxy: { '/api': { target: process.env.CARVE_URL ?? 'https://127.0.0.1:8006', secure: false, ws: true } },
  },
});
