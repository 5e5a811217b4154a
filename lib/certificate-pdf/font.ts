import { readFile } from "node:fs/promises";
import path from "node:path";
import upstream from "@pdf-lib/fontkit";
import type { PDFDocument } from "pdf-lib";

const FONT_FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const fontBytes = new Map<FontWeight, Promise<Uint8Array>>();

/**
 * Noto Sans SC bytes (~10 MB each), read once per process. The path is built from the working
 * directory rather than `require.resolve`, which bundlers rewrite inside Next.js route handlers.
 */
export function loadFont(weight: FontWeight): Promise<Uint8Array> {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    const file = path.join(
      process.cwd(),
      "node_modules",
      "@expo-google-fonts",
      "noto-sans-sc",
      FONT_FILES[weight],
    );
    bytes = readFile(file).then(
      (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
      (error: unknown) => {
        fontBytes.delete(weight);
        throw new Error(`Certificate font not found at ${file}`, { cause: error });
      },
    );
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type Font = ReturnType<Fontkit["create"]>;
type Loca = { version?: number };

const parsedFonts = new WeakMap<Uint8Array, Font>();

/**
 * `@pdf-lib/fontkit` with two changes:
 * - a font is parsed once per byte array, not on every `embedFont` (about 70 ms for a CJK font);
 *   pdf-lib only reads the font and makes a new subset per document, so sharing it is safe.
 * - TrueType subsets keep the source font's `loca` format. 1.1.1 switches small subsets to the short
 *   format without padding glyphs to even length, so every glyph after an odd-length one comes out
 *   blank (Hopding/pdf-lib#1232); upstream fontkit fixed it the same way in foliojs/fontkit#191.
 */
export const fontkit: Fontkit = {
  create(bytes) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      const parsed: Font = upstream.create(bytes);
      const createSubset = parsed.createSubset.bind(parsed);
      parsed.createSubset = () => keepLocaFormat(createSubset(), parsed);
      parsedFonts.set(bytes, parsed);
      font = parsed;
    }
    return font;
  },
};

function keepLocaFormat<T extends object>(subset: T, font: Font): T {
  const source = (font as { loca?: Loca | null }).loca;
  if (!source) return subset; // a CFF font has no loca table
  let loca: Loca | undefined;
  // TTFSubset.encode assigns a fresh `this.loca = { offsets: [] }`; the version set here makes
  // `loca.preEncode` keep it instead of choosing one.
  Object.defineProperty(subset, "loca", {
    get: () => loca,
    set: (value: Loca) => {
      loca = Object.assign(value, { version: source.version });
    },
  });
  return subset;
}
