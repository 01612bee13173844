export { createRandom, type Random } from './random';
export { renderDocument } from './render-document';
export { displayWidth, wrapText } from './text';
export { isRenderLayout, RENDER_LAYOUTS, type RenderLayout, type RenderOptions, type RowSplit } from './types';
