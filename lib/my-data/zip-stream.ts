import { Zip, ZipDeflate } from "fflate";

/** One file of a zip: its name and its text, produced piece by piece when the zip reaches it. */
export type ZipEntry = { name: string; content: () => AsyncIterable<string> };

/**
 * A zip that is written while it is read: each entry's pieces are pulled only when the reader
 * asks for more bytes, deflated (fflate, synchronously) and handed on, so memory holds one piece
 * and its compressed output, never a whole file. Entries follow one another in the given order.
 */
export function zipStream(entries: Iterable<ZipEntry>, mtime = new Date()): ReadableStream<Uint8Array> {
  const iterator = zipBytes(entries, mtime);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await iterator.return(undefined);
      },
    },
    // One compressed chunk waits at most; the next is made when the reader takes it.
    { highWaterMark: 1 },
  );
}

async function* zipBytes(entries: Iterable<ZipEntry>, mtime: Date): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) ready.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    for await (const piece of entry.content()) {
      if (piece.length === 0) continue;
      file.push(encoder.encode(piece), false);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
