import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipStream } from "@/lib/my-data/zip-stream";

const PIECES = 400;
/** Text that deflate cannot shrink to nothing: each piece differs. */
const piece = (i: number) => `${i}:${"柜面服务".repeat(50)}${Math.sin(i).toString(36)}\n`.repeat(20);

function counted() {
  const state = { pulled: 0, finished: false };
  const entry = {
    name: "big.txt",
    content: async function* () {
      try {
        for (let i = 0; i < PIECES; i++) {
          state.pulled++;
          yield piece(i);
        }
      } finally {
        state.finished = true;
      }
    },
  };
  return { state, entry };
}

describe("the streamed zip", () => {
  it("holds every entry in order, and unzips to the text that went in", async () => {
    const { entry } = counted();
    const small = {
      name: "a.csv",
      content: async function* () {
        yield "\uFEFFx,y\r\n";
        yield "1,2\r\n";
      },
    };
    const bytes = new Uint8Array(await new Response(zipStream([small, entry])).arrayBuffer());
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["a.csv", "big.txt"]);
    expect([...(files["a.csv"] as Uint8Array)]).toEqual([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode("x,y\r\n1,2\r\n"),
    ]);
    expect(strFromU8(files["big.txt"] as Uint8Array)).toBe(
      Array.from({ length: PIECES }, (_, i) => piece(i)).join(""),
    );
  });

  it("reads its source only as fast as the reader takes bytes, and stops it when the reader cancels", async () => {
    const { state, entry } = counted();
    const reader = zipStream([entry]).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(state.pulled).toBeLessThan(PIECES / 4);
    await reader.cancel();
    expect(state.finished).toBe(true);
    expect(state.pulled).toBeLessThan(PIECES / 4);
  });
});
