/** Islands import their stylesheet; esbuild extracts it to a .css file next to the bundle. */
declare module '*.css';
