export { extractDocument } from './extract';
export { type LaidOut, layoutPages, type PagePieces, type Piece } from './pdf-layout';
export { sourceKindOf } from './sniff';
export {
  ExtractError,
  type ExtractErrorCode,
  type Extraction,
  type ExtractOptions,
  isExtractError,
  type SourceKind,
} from './types';
