/* kiku search, 2 of 4: reading the index's files. Fetches and inflates them, and reads a unit of
   records: its bytes from its pack (an HTTP Range request, or the whole pack from a server that
   ignores ranges), inflated after the codebook, decoded and cut at its newlines (docs/search.md,
   kiku/search/encoding/). */
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

  /* The records of a unit's bytes: their JSON texts joined by newlines (which JSON leaves out). */
  async function readUnit(codebook, bytes) {
    var inflated = await inflateRaw([codebook.stream, bytes]);
    return decodeText(inflated.subarray(codebook.length), codebook.table).split("\n").map(function (text) {
      return JSON.parse(text);
    });
  }

  /* Where each unit lies in its pack of `pack` units (records/lengths.bin.gz: LEB128 lengths):
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

  /* Unit `number`'s bytes from pack `url` (`places`: readPlaces'). `packs`: pack url → the
     promise of its whole bytes, for a server that ignores ranges (then `packs.whole` is set, and
     every pack is fetched whole, once). */
  async function unitBytes(url, number, places, packs) {
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
  spec.readUnit = readUnit;
  spec.readPlaces = readPlaces;
  spec.unitBytes = unitBytes;
})();
