/* kiku search, 2 of 4: reading the index's files. Fetches and inflates them, and reads a record:
   its bytes from its pack (an HTTP Range request, or the whole pack from a server that ignores
   ranges), inflated after the codebook and decoded (docs/search.md, kiku/search/encoding/). */
(function () {
  "use strict";

  var spec = window.kikuSearch;

  async function fetchBytes(url, init) {
    var response = await fetch(url, init);
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return { bytes: new Uint8Array(await response.arrayBuffer()), partial: response.status === 206 };
  }

  /* A gzipped file's bytes; a server that sets Content-Encoding: gzip has already inflated them. */
  async function fetchInflated(url) {
    var bytes = (await fetchBytes(url)).bytes;
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  async function fetchJson(url) {
    return JSON.parse(new TextDecoder().decode(await fetchInflated(url)));
  }

  async function inflateRaw(parts) {
    var stream = new Blob(parts).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /* The records' code (kiku/search/encoding/codebook.py): codebook.bin is a deflate stream whose blocks are
     not final; inflated after a final empty block, it gives the table (UTF-8), NUL, the dictionary. */
  async function readCodebook(stream) {
    var bytes = await inflateRaw([stream, new Uint8Array([3, 0])]);
    var end = bytes.indexOf(0);
    return { stream: stream, length: bytes.length, table: Array.from(new TextDecoder().decode(bytes.subarray(0, end))) };
  }

  var SINGLE = 0xf0;  // table characters coded in one byte; 0xF0-0xFE lead two-byte codes

  /* The text of a record's bytes: a table character in one byte (its place) or two, any other
     as 0xFF and its code point in three bytes. */
  function decodeText(bytes, table) {
    var pieces = [];
    var i = 0;
    while (i < bytes.length) {
      var byte = bytes[i];
      if (byte < SINGLE) {
        pieces.push(table[byte]);
        i += 1;
      } else if (byte < 0xff) {
        pieces.push(table[SINGLE + ((byte - SINGLE) << 8) + bytes[i + 1]]);
        i += 2;
      } else {
        pieces.push(String.fromCodePoint(bytes[i + 1] << 16 | bytes[i + 2] << 8 | bytes[i + 3]));
        i += 4;
      }
    }
    return pieces.join("");
  }

  async function readRecord(codebook, bytes) {
    var inflated = await inflateRaw([codebook.stream, bytes]);
    return JSON.parse(decodeText(inflated.subarray(codebook.length), codebook.table));
  }

  /* Where each record lies in its pack of `pack` (records/lengths.bin.gz: LEB128 lengths):
     {start: its first byte, end: past its last}. */
  function readPlaces(bytes, pack) {
    var starts = [];
    var ends = [];
    var value = 0;
    var shift = 0;
    for (var i = 0; i < bytes.length; i++) {
      value += (bytes[i] & 0x7f) * Math.pow(2, shift);
      shift += 7;
      if (bytes[i] < 0x80) {
        var start = starts.length % pack ? ends[ends.length - 1] : 0;
        starts.push(start);
        ends.push(start + value);
        value = shift = 0;
      }
    }
    return { start: starts, end: ends };
  }

  /* Record `number`'s bytes from pack `url` (`places`: readPlaces'). `packs`: pack url → the
     promise of its whole bytes, for a server that ignores ranges (then `packs.whole` is set, and
     every pack is fetched whole, once). */
  async function recordBytes(url, number, places, packs) {
    var start = places.start[number];
    var end = places.end[number];
    if (!packs.has(url) && !packs.whole) {
      var read = await fetchBytes(url, { headers: { Range: "bytes=" + start + "-" + (end - 1) } });
      if (read.partial) return read.bytes;
      packs.whole = true;
      if (!packs.has(url)) packs.set(url, Promise.resolve(read.bytes));
    }
    if (!packs.has(url)) {
      packs.set(url, fetchBytes(url).then(function (whole) { return whole.bytes; }));
      packs.get(url).catch(function () { packs.delete(url); });  // retried on the next query
    }
    return (await packs.get(url)).subarray(start, end);
  }

  spec.fetchJson = fetchJson;
  spec.fetchInflated = fetchInflated;
  spec.fetchBytes = fetchBytes;
  spec.readCodebook = readCodebook;
  spec.decodeText = decodeText;
  spec.readRecord = readRecord;
  spec.readPlaces = readPlaces;
  spec.recordBytes = recordBytes;
})();
