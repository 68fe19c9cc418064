/* kiku search: reads the index kiku writes under search/ and shows the articles a query matches.
   The normalisation and tokenisation are the spec in docs/search.md, the same steps as
   kiku/search/normalise.py (tests/test_search_tokens.py runs both on the same strings).
   Text from the index is untrusted: it is only ever put into the page as text nodes. */
(function () {
  "use strict";

  var TOKENIZER_VERSION = 1;
  var FORMAT = "kiku-search";
  var MAX_WORD = 64;
  var PAGE_SIZE = 20;
  var SNIPPET_BEFORE = 30;
  var SNIPPET_AFTER = 90;
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
    normalise(raw).split(/\s+/u).forEach(function (word) {
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
        startsWord: kindOf(characters[0]) === "word",
        endsWord: kindOf(characters[characters.length - 1]) === "word"
      });
    });
    return plans;
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

  /* A posting string → Map(article number → in the head fields). */
  function decodePostings(encoded, into) {
    var previous = -1, value = 0, shift = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = DIGIT_VALUE[encoded.charCodeAt(i)];
      if (digit >= 32) {
        value += (digit - 32) * Math.pow(2, shift);
        shift += 5;
        continue;
      }
      value += digit * Math.pow(2, shift);
      previous += Math.floor(value / 2) + 1;
      into.set(previous, (into.get(previous) || false) || value % 2 === 1);
      value = 0;
      shift = 0;
    }
    return into;
  }

  async function fetchJson(url) {
    var response = await fetch(url);
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    var bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      // A server that sets Content-Encoding: gzip has already inflated it: then this is skipped.
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return JSON.parse(await new Response(stream).text());
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function Index(manifestUrl) {
    this.base = new URL(".", new URL(manifestUrl, document.baseURI)).href;
    this.manifestUrl = manifestUrl;
    this.manifest = null;
    this.shards = new Map();
    this.records = new Map();
  }

  Index.prototype.load = async function () {
    if (!this.manifest) {
      var manifest = await fetchJson(this.manifestUrl);
      if (manifest.format !== FORMAT || manifest.tokenizer !== TOKENIZER_VERSION) {
        throw new VersionError(manifest.tokenizer);
      }
      this.manifest = manifest;
    }
    return this.manifest;
  };

  Index.prototype.shard = function (number) {
    if (!this.shards.has(number)) this.shards.set(number, fetchJson(this.base + "shards/" + number + ".json.gz"));
    return this.shards.get(number);
  };

  Index.prototype.record = function (number) {
    if (!this.records.has(number)) {
      this.records.set(number, fetchJson(this.base + "articles/" + number + ".json.gz").then(prepareRecord));
    }
    return this.records.get(number);
  };

  /* Map(article number → head) of one need: a token, or every token starting with a character. */
  Index.prototype.postings = async function (need) {
    var first = need.prefix || Array.from(need.token)[0];
    var key = need.prefix || (kindOf(first) === "ja" ? first : need.token);
    var shard = await this.shard(shardOf(key, this.manifest.shards));
    var found = new Map();
    if (need.token !== undefined) {
      if (Object.prototype.hasOwnProperty.call(shard, need.token)) decodePostings(shard[need.token], found);
      return found;
    }
    Object.keys(shard).forEach(function (token) {
      if (token.codePointAt(0) === need.prefix.codePointAt(0)) decodePostings(shard[token], found);
    });
    return found;
  };

  function VersionError(version) {
    this.message = "この検索索引（トークナイザー v" + version + "）は、このページの検索スクリプト（v" +
      TOKENIZER_VERSION + "）と形式が合いません。サイトを作り直してください（kiku build）。";
  }

  function prepareRecord(record) {
    var head = new Set(record.h);
    record.folded = fold(record.x.join("\n"));
    record.foldedHead = fold(record.x.filter(function (_, i) { return head.has(i); }).join("\n"));
    return record;
  }

  /* Map(number → head) for the articles whose postings hold every need of every plan. */
  async function candidates(index, plans) {
    var lists = await Promise.all(plans.map(function (plan) {
      return Promise.all(plan.needs.map(function (need) { return index.postings(need); }));
    }));
    var result = null;
    lists.forEach(function (needLists) {
      needLists.forEach(function (list) {
        if (result === null) {
          result = new Map(list);
          return;
        }
        var next = new Map();
        result.forEach(function (head, number) {
          if (list.has(number)) next.set(number, head && list.get(number));
        });
        result = next;
      });
    });
    return result || new Map();
  }

  function confirm(record, plans) {
    var inHead = true;
    for (var i = 0; i < plans.length; i++) {
      if (findWord(record.folded, plans[i], 0) < 0) return null;
      if (inHead && findWord(record.foldedHead, plans[i], 0) < 0) inHead = false;
    }
    return inHead;
  }

  async function inBatches(numbers, load) {
    var results = [];
    for (var start = 0; start < numbers.length; start += 64) {
      results.push.apply(results, await Promise.all(numbers.slice(start, start + 64).map(load)));
    }
    return results;
  }

  /* The matching articles, title/lead/heading matches first, then newest first: [number]. */
  async function run(index, plans) {
    await index.load();
    var found = await candidates(index, plans);
    var numbers = Array.from(found.keys()).sort(function (a, b) { return a - b; });
    var head = new Map();
    if (plans.every(function (plan) { return plan.exact; })) {
      head = found;
    } else {
      var records = await inBatches(numbers, function (number) { return index.record(number); });
      var confirmed = [];
      records.forEach(function (record, i) {
        var inHead = confirm(record, plans);
        if (inHead !== null) {
          confirmed.push(numbers[i]);
          head.set(numbers[i], inHead);
        }
      });
      numbers = confirmed;
    }
    var first = numbers.filter(function (number) { return head.get(number); });
    var rest = numbers.filter(function (number) { return !head.get(number); });
    return first.concat(rest);
  }

  /* ---- the page ---- */

  function safePath(path, prefix) {
    return typeof path === "string" && path.indexOf(prefix) === 0 && path.indexOf(":") < 0 ? path : null;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A snippet around the first match in the first field holding the most query words, the
     title last (the result shows it anyway). */
  function snippet(record, plans) {
    var fields = record.x;
    var order = fields.map(function (_, i) { return i; }).slice(1).concat([0]);
    var best = null;
    for (var k = 0; k < order.length; k++) {
      var shown = fields[order[k]];
      var folded = fold(shown);
      var first = -1;
      var words = 0;
      plans.forEach(function (plan) {
        var at = findWord(folded, plan, 0);
        if (at < 0) return;
        words++;
        if (first < 0 || at < first) first = at;
      });
      if (words > 0 && (best === null || words > best.words)) {
        best = { shown: shown, folded: folded, first: first, words: words };
        if (words === plans.length) break;
      }
    }
    return best && cut(best.shown, best.folded, best.first, plans);
  }

  function cut(shown, folded, first, plans) {
    var start = Math.max(0, first - SNIPPET_BEFORE);
    var end = Math.min(shown.length, first + SNIPPET_AFTER);
    if (start > 0 && /[\udc00-\udfff]/.test(shown[start])) start--;
    if (end < shown.length && /[\udc00-\udfff]/.test(shown[end])) end++;
    var marks = [];
    plans.forEach(function (plan) {
      for (var at = findWord(folded, plan, start); at >= 0 && at < end; at = findWord(folded, plan, at + 1)) {
        marks.push([at, Math.min(end, at + plan.word.length)]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var paragraph = element("p", "search-snippet");
    var position = start;
    if (start > 0) paragraph.appendChild(document.createTextNode("…"));
    marks.forEach(function (mark) {
      if (mark[0] < position) return; // overlaps the previous mark
      paragraph.appendChild(document.createTextNode(shown.slice(position, mark[0])));
      paragraph.appendChild(element("mark", "", shown.slice(mark[0], mark[1])));
      position = mark[1];
    });
    paragraph.appendChild(document.createTextNode(shown.slice(position, end) + (end < shown.length ? "…" : "")));
    return paragraph;
  }

  function resultItem(record, plans, manifest, root) {
    var item = element("li", "search-result");
    var meta = element("p", "entry-meta");
    meta.appendChild(element("span", "kind", record.k));
    meta.appendChild(document.createTextNode(" "));
    var time = element("time", "", record.d);
    time.setAttribute("datetime", record.i);
    meta.appendChild(time);
    item.appendChild(meta);
    var heading = element("h2", "entry-title");
    var link = element("a", "", record.t);
    var path = safePath(record.u, "articles/");
    if (path) link.setAttribute("href", root + path);
    heading.appendChild(link);
    item.appendChild(heading);
    var text = snippet(record, plans);
    if (text) item.appendChild(text);
    var tags = element("ul", "tags");
    tags.setAttribute("aria-label", "タグ");
    record.g.forEach(function (key) {
      var tag = Object.prototype.hasOwnProperty.call(manifest.tags, key) ? manifest.tags[key] : null;
      if (!tag) return;
      var tagLink = element("a", "tag");
      var tagPath = safePath(tag[2], "tags/");
      if (tagPath) tagLink.setAttribute("href", root + tagPath);
      var ja = element("span", "", tag[0]);
      ja.setAttribute("lang", "ja");
      var en = element("span", "", tag[1]);
      en.setAttribute("lang", "en");
      tagLink.append(ja, " · ", en);
      var tagItem = element("li");
      tagItem.appendChild(tagLink);
      tags.appendChild(tagItem);
    });
    if (tags.childNodes.length) item.appendChild(tags);
    return item;
  }

  function SearchPage(container) {
    this.container = container;
    this.root = container.getAttribute("data-root") || "";
    this.index = new Index(container.getAttribute("data-manifest"));
    this.input = document.getElementById("search-input");
    this.status = document.getElementById("search-status");
    this.list = document.getElementById("search-results");
    this.more = document.getElementById("search-more");
    this.siteTitle = document.title.replace(/^[^·]*·\s*/, "");
    this.generation = 0;
    this.shown = 0;
    this.matches = [];
    this.plans = [];
    this.timer = 0;
  }

  SearchPage.prototype.start = function () {
    var page = this;
    var forms = document.querySelectorAll("form[role=search]");
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var field = form.querySelector("input[name=q]");
        page.input.value = field.value;
        page.search(field.value);
      });
    });
    page.input.addEventListener("input", function (event) {
      if (event.isComposing) return; // never mid-composition: compositionend runs it
      page.later();
    });
    page.input.addEventListener("compositionend", function () { page.later(); });
    page.more.addEventListener("click", function () { page.showMore(); });
    var query = new URLSearchParams(window.location.search).get("q") || "";
    page.fill(query);
    if (query.trim()) page.search(query);
  };

  SearchPage.prototype.fill = function (query) {
    document.querySelectorAll("form[role=search] input[name=q]").forEach(function (field) {
      field.value = query;
    });
  };

  SearchPage.prototype.later = function () {
    var page = this;
    clearTimeout(page.timer);
    page.timer = setTimeout(function () { page.search(page.input.value); }, 250);
  };

  SearchPage.prototype.search = async function (query) {
    clearTimeout(this.timer);
    var generation = ++this.generation;
    this.container.setAttribute("data-state", "searching");
    this.fill(query);
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url.href);
    this.list.replaceChildren();
    this.more.hidden = true;
    var plans = parseQuery(query);
    if (!plans.length) {
      document.title = "検索 · " + this.siteTitle;
      this.status.textContent = query.trim() ? "漢字・かな・英数字を含む語を入力してください。" : "";
      this.container.setAttribute("data-state", "done");
      return;
    }
    this.status.textContent = "検索中…";
    var matches;
    try {
      matches = await run(this.index, plans);
    } catch (error) {
      if (generation === this.generation) this.done(describe(error));
      return;
    }
    if (generation !== this.generation) return;
    this.plans = plans;
    this.matches = matches;
    this.shown = 0;
    document.title = "「" + query.trim() + "」の検索結果 · " + this.siteTitle;
    this.status.textContent = matches.length
      ? "「" + query.trim() + "」に一致する記事: " + matches.length + "件"
      : "「" + query.trim() + "」に一致する記事は見つかりませんでした。";
    await this.showMore();
  };

  SearchPage.prototype.showMore = async function () {
    var generation = this.generation;
    var numbers = this.matches.slice(this.shown, this.shown + PAGE_SIZE);
    var index = this.index;
    var records;
    try {
      records = await inBatches(numbers, function (number) { return index.record(number); });
    } catch (error) {
      if (generation === this.generation) this.done(describe(error));
      return;
    }
    if (generation !== this.generation) return;
    var page = this;
    records.forEach(function (record) {
      page.list.appendChild(resultItem(record, page.plans, index.manifest, page.root));
    });
    this.shown += numbers.length;
    this.more.hidden = this.shown >= this.matches.length;
    this.container.setAttribute("data-state", "done");
  };

  /* The search ended with `message` in place of results (a data-state for tests and styles). */
  SearchPage.prototype.done = function (message) {
    this.status.textContent = message;
    this.container.setAttribute("data-state", "done");
  };

  function describe(error) {
    if (error instanceof VersionError) return error.message;
    if (window.location.protocol === "file:") {
      return "ファイルとして開いたページでは、ブラウザーが検索索引の読み込みを許可しないため検索できません。" +
        "サイトをウェブサーバー（kiku serve など）で開いてください。";
    }
    return "検索索引を読み込めませんでした（" + (error && error.message ? error.message : String(error)) + "）。";
  }

  // The spec's functions, for tests/test_search_tokens.py and bench/search_query.py.
  window.kikuSearch = { normalise: normalise, displayForm: displayForm, fold: fold, runs: runs, tokens: tokens,
    parseQuery: parseQuery, findWord: findWord, fnv1a: fnv1a, decodePostings: decodePostings, page: null };

  var container = document.getElementById("search");
  if (container) {
    window.kikuSearch.page = new SearchPage(container);
    window.kikuSearch.page.start();
  }
})();
