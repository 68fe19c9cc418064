/* kiku search, 1 of 4: the spec. Normalisation and tokenisation as in docs/search.md, the same
   steps as kiku/search/text/normalise.py (tests/search/test_search_tokens.py runs both on the same strings),
   the query's plan, word matching in stored text, and the index's posting strings and shards.
   Exposed as window.kikuSearch for search-records.js, search-index.js, search.js, the tests and the benches. */
(function () {
  "use strict";

  var TOKENIZER_VERSION = 9;
  var MAX_WORD = 64;
  var JAPANESE_RANGES = [
    [0x3005, 0x3007], [0x303b, 0x303c], [0x3041, 0x3096], [0x3099, 0x309f], [0x30a1, 0x30fa],
    [0x30fc, 0x30ff], [0x31f0, 0x31ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff],
    [0x20000, 0x3ffff]
  ];
  var LETTER = /^[\p{L}\p{N}\p{M}]$/u;
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /* ---- the spec (docs/search.md) ---- */

  function displayForm(text) {
    return text.normalize("NFKC").replace(/\u0130/g, "i\u0307");
  }

  function fold(text) {
    return text.toLowerCase().replace(/\u03c2/g, "\u03c3");
  }

  function normalise(text) {
    return fold(displayForm(text));
  }

  function isJapanese(code) {
    for (var i = 0; i < JAPANESE_RANGES.length; i++) {
      if (code >= JAPANESE_RANGES[i][0] && code <= JAPANESE_RANGES[i][1]) return true;
    }
    return false;
  }

  function kindOf(character) {
    var code = character.codePointAt(0);
    if (isJapanese(code)) return "ja";
    return LETTER.test(character) ? "word" : null;
  }

  /* Maximal runs of Japanese and of word characters: [{kind, chars}] (chars: code points). */
  function runs(normalised) {
    var found = [];
    var current = null;
    for (var character of normalised) {
      var kind = kindOf(character);
      if (current && kind === current.kind) {
        current.chars.push(character);
      } else {
        current = kind ? { kind: kind, chars: [character] } : null;
        if (current) found.push(current);
      }
    }
    return found;
  }

  function runTokens(run) {
    if (run.kind === "word") return [run.chars.slice(0, MAX_WORD).join("")];
    var tokens = [];
    for (var i = 0; i + 1 < run.chars.length; i++) tokens.push(run.chars[i] + run.chars[i + 1]);
    tokens.push(run.chars[run.chars.length - 1]);
    return tokens;
  }

  function tokens(normalised) {
    var all = [];
    runs(normalised).forEach(function (run) { all.push.apply(all, runTokens(run)); });
    return all;
  }

  /* ---- the query ---- */

  /* One plan per distinct word: the index lookups that find its candidates ("needs"), whether
     those lookups alone are exact, and whether its ends must fall on word boundaries. */
  function parseQuery(raw) {
    var seen = new Set();
    var plans = [];
    normalise(raw).split(/\s+/u).forEach(function (spaced) {
      var word = trimmed(spaced);
      if (!word || seen.has(word)) return;
      seen.add(word);
      var wordRuns = runs(word);
      if (!wordRuns.length) return; // nothing searchable in it (punctuation only)
      var needs = [];
      wordRuns.forEach(function (run) {
        if (run.kind === "ja" && run.chars.length === 1) {
          needs.push({ prefix: run.chars[0] });
        } else if (run.kind === "ja") {
          for (var i = 0; i + 1 < run.chars.length; i++) needs.push({ token: run.chars[i] + run.chars[i + 1] });
        } else {
          needs.push({ token: run.chars.slice(0, MAX_WORD).join("") });
        }
      });
      var only = wordRuns[0];
      var characters = Array.from(word);
      plans.push({
        word: word,
        needs: needs,
        exact: wordRuns.length === 1 && only.chars.length === characters.length &&
          (only.kind === "word" ? only.chars.length <= MAX_WORD : only.chars.length <= 2),
        // The word's characters when it is one Japanese run of three or more: a shared context may settle it.
        japanese: wordRuns.length === 1 && only.kind === "ja" && only.chars.length === characters.length &&
          only.chars.length > 2 ? only.chars : null,
        startsWord: kindOf(characters[0]) === "word",
        endsWord: kindOf(characters[characters.length - 1]) === "word"
      });
    });
    return plans;
  }

  /* A word without the punctuation and symbols at its ends: 「停戦」 and "NATO," look for 停戦 and nato. */
  function trimmed(word) {
    var characters = Array.from(word);
    var start = 0;
    var end = characters.length;
    while (start < end && kindOf(characters[start]) === null) start++;
    while (end > start && kindOf(characters[end - 1]) === null) end--;
    return characters.slice(start, end).join("");
  }

  function isWordAt(text, index, before) {
    if (before ? index <= 0 : index >= text.length) return false;
    var code = before ? text.codePointAt(index - 1) : text.codePointAt(index);
    if (before && index >= 2 && code >= 0xdc00 && code <= 0xdfff) code = text.codePointAt(index - 2);
    return kindOf(String.fromCodePoint(code)) === "word";
  }

  /* The first place at or after `from` where the plan's word occurs in folded text, or -1. */
  function findWord(folded, plan, from) {
    var index = folded.indexOf(plan.word, from);
    while (index >= 0) {
      var end = index + plan.word.length;
      if (!(plan.startsWord && isWordAt(folded, index, true)) && !(plan.endsWord && isWordAt(folded, end, false))) {
        return index;
      }
      index = folded.indexOf(plan.word, index + 1);
    }
    return -1;
  }

  /* ---- the index files ---- */

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash;
  }

  function shardOf(key, count) {
    return fnv1a(key) & (count - 1);
  }

  var DIGIT_VALUE = new Int8Array(128).fill(-1);
  for (var d = 0; d < DIGITS.length; d++) DIGIT_VALUE[DIGITS.charCodeAt(d)] = d;

  /* The values of a Rice-coded string (kiku/search/encoding/shards.py): its first character is the
     parameter k, then six bits a character; each value is zeros (its high part), a one, k low
     bits. Left-out trailing characters are zero bits: the values end where no one follows. */
  function riceValues(text) {
    var k = DIGIT_VALUE[text.charCodeAt(0)];
    var values = [];
    var position = 0, end = (text.length - 1) * 6;
    function bit(at) {
      if (at >= end) return 0;
      return (DIGIT_VALUE[text.charCodeAt(1 + Math.floor(at / 6))] >> (5 - at % 6)) & 1;
    }
    while (true) {
      var high = 0;
      while (position < end && !bit(position)) { high++; position++; }
      if (position >= end) return values;
      position++;
      var low = 0;
      for (var b = 0; b < k; b++) low = low * 2 + bit(position++);
      values.push(high * Math.pow(2, k) + low);
    }
  }

  /* A posting string → Map(article number → in the head fields), merged into `into`. */
  function decodePostings(encoded, into) {
    if (!encoded) return into;
    var parts = encoded.split(".");
    var numbers = [], previous = -1;
    riceValues(parts[0]).forEach(function (gap) { previous += gap + 1; numbers.push(previous); });
    var heads = new Set();
    previous = -1;
    if (parts.length > 1) riceValues(parts[1]).forEach(function (gap) { previous += gap + 1; heads.add(previous); });
    numbers.forEach(function (number, place) {
      into.set(number, (into.get(number) || false) || heads.has(place));
    });
    return into;
  }

  window.kikuSearch = {
    TOKENIZER_VERSION: TOKENIZER_VERSION, displayForm: displayForm, fold: fold, normalise: normalise,
    kindOf: kindOf, runs: runs, tokens: tokens, parseQuery: parseQuery, findWord: findWord, fnv1a: fnv1a,
    shardOf: shardOf, decodePostings: decodePostings
  };
})();
