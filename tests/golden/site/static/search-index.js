/* kiku search, 3 of 4: the index. Reads the files kiku wrote under search/ (docs/search.md) with
   search-records.js, finds the candidates of a query in the postings and confirms them against the stored text. */
(function () {
  "use strict";

  var spec = window.kikuSearch;
  var FORMAT = "kiku-search";

  function Index(manifestUrl) {
    this.base = new URL(".", new URL(manifestUrl, document.baseURI)).href;
    this.manifestUrl = manifestUrl;
    this.manifest = null;
    this.shards = new Map();
    this.records = new Map();
    this.units = new Map();  // unit number → its records as written (a unit: `unit` records deflated together)
    this.books = new Map();  // the codebook and the records' places
    this.packs = new Map();  // pack url → its bytes, from a server that ignores ranges (search-records.js)
    this.decoded = new Map();  // need → its posting list: a repeated query decodes nothing
  }

  /* cache.get(key), or what load() promises, kept; a failed load is forgotten so that it is retried. */
  function cached(cache, key, load) {
    if (!cache.has(key)) {
      cache.set(key, load().catch(function (error) {
        cache.delete(key);
        throw error;
      }));
    }
    return cache.get(key);
  }

  Index.prototype.load = async function () {
    if (!this.manifest) {
      var manifest = await spec.fetchJson(this.manifestUrl);
      if (manifest.format !== FORMAT || manifest.tokenizer !== spec.TOKENIZER_VERSION) {
        throw new VersionError(manifest.tokenizer);
      }
      this.manifest = manifest;
    }
    return this.manifest;
  };

  Index.prototype.shard = function (number) {
    var url = this.base + "shards/" + number + ".json.gz";
    return cached(this.shards, number, function () { return spec.fetchJson(url); });
  };

  Index.prototype.codebook = function () {
    var url = this.base + "codebook.bin";
    return cached(this.books, url, function () {
      return spec.fetchBytes(url).then(function (read) { return spec.readCodebook(read.bytes); });
    });
  };

  Index.prototype.places = function () {
    var url = this.base + "records/lengths.bin.gz";
    var perPack = this.manifest.pack / this.manifest.unit;
    return cached(this.books, url, function () {
      return spec.fetchInflated(url).then(function (bytes) { return spec.readPlaces(bytes, perPack); });
    });
  };

  /* The records of unit `unit` as written, read from its pack (records/<unit × unit size / pack>.bin). */
  Index.prototype.unit = function (unit) {
    var index = this;
    var url = this.base + "records/" + Math.floor(unit * this.manifest.unit / this.manifest.pack) + ".bin";
    return cached(this.units, unit, async function () {
      var bytes = spec.unitBytes(url, unit, await index.places(), index.packs);
      var read = await Promise.all([index.codebook(), bytes]);
      return spec.readUnit(read[0], read[1]);
    });
  };

  /* Article `number`'s record, read from its unit (each record is prepared once). */
  Index.prototype.record = function (number) {
    var index = this;
    var size = this.manifest.unit;
    return cached(this.records, number, async function () {
      var records = await index.unit(Math.floor(number / size));
      if (number % size >= records.length) throw new Error("records/: no record " + number);
      return prepareRecord(records[number % size], index.manifest);
    });
  };

  /* The posting list of one need (a token, or every token starting with a character):
     {numbers: the article numbers in increasing order (Int32Array), heads: 1 where the need is in
     the title, lead or a heading (Uint8Array)}. A query intersects these by merging, no Map made. */
  Index.prototype.postings = function (need) {
    var index = this;
    var key = need.token !== undefined ? "token:" + need.token : "prefix:" + need.prefix;
    return cached(this.decoded, key, function () { return index.decode(need); });
  };

  Index.prototype.decode = async function (need) {
    var shard = await this.shardOf(need);
    var found = new Map();
    if (need.token !== undefined) {
      var value = own(shard, need.token);
      if (value !== null) spec.decodePostings(typeof value === "string" ? value : value[0], found);
      return postingList(found);
    }
    Object.keys(shard).forEach(function (token) {
      if (token.codePointAt(0) !== need.prefix.codePointAt(0)) return;
      var entry = shard[token];
      spec.decodePostings(typeof entry === "string" ? entry : entry[0], found);
    });
    return postingList(found);
  };

  function postingList(found) {
    var numbers = Int32Array.from(found.keys()).sort();
    var heads = new Uint8Array(numbers.length);
    for (var i = 0; i < numbers.length; i++) heads[i] = found.get(numbers[i]) ? 1 : 0;
    return { numbers: numbers, heads: heads };
  }

  Index.prototype.shardOf = function (need) {
    var first = need.prefix || Array.from(need.token)[0];
    var key = need.prefix || (spec.kindOf(first) === "ja" ? first : need.token);
    return this.shard(spec.shardOf(key, this.manifest.shards));
  };

  /* [left, right]: the context every occurrence of a bigram shares in the site, or null. */
  Index.prototype.context = async function (bigram) {
    var value = own(await this.shardOf({ token: bigram }), bigram);
    return value !== null && typeof value !== "string" ? [value[1], value[2]] : null;
  };

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : null;
  }

  function VersionError(version) {
    this.message = "この検索索引（トークナイザー v" + version + "）は、このページの検索スクリプト（v" +
      spec.TOKENIZER_VERSION + "）と形式が合いません。サイトを作り直してください（kiku build）。";
  }

  /* The manifest's tag number `number` ([key, 日本語, English, page path, field]), or null. */
  function tagOf(manifest, number) {
    return Number.isInteger(number) && number >= 0 && number < manifest.tags.length ? manifest.tags[number] : null;
  }

  /* "2025-03-05" as the pages write it: 2025年3月5日. */
  function shownDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return parts ? Number(parts[1]) + "年" + Number(parts[2]) + "月" + Number(parts[3]) + "日" : "";
  }

  /* The record as kiku wrote it, its date shown, and its tags' fields (the manifest holds them) after its own. */
  function prepareRecord(record, manifest) {
    if (record.t === undefined) record.t = record.x[0];
    record.d = shownDate(record.i);
    record.g.forEach(function (number) {
      var tag = tagOf(manifest, number);
      if (tag && tag[4]) record.x.push(tag[4]);
    });
    var head = new Set(record.h);
    // Folded once per record (fold works character by character): snippets reuse the fields.
    record.foldedFields = record.x.map(spec.fold);
    record.folded = record.foldedFields.join("\n");
    record.foldedHead = record.foldedFields.filter(function (_, i) { return head.has(i); }).join("\n");
    return record;
  }

  /* A plan's articles: {found: a posting list, sure}. `sure`: the postings alone are the answer
     (an exact plan, or a word implied by the shared context of one of its bigrams); otherwise
     `found` holds the candidates, to be confirmed in their text, and its heads mean nothing. */
  async function planArticles(index, plan) {
    var lists = await Promise.all(plan.needs.map(function (need) { return index.postings(need); }));
    var implying = plan.exact ? -1 : await impliedBy(index, plan);
    var found = intersect(lists);
    if (implying >= 0) found = { numbers: found.numbers, heads: headsIn(found.numbers, lists[implying]) };
    return { found: found, sure: plan.exact || implying >= 0 };
  }

  /* The index of the plan's bigram (its need) whose every occurrence in the site lies inside
     the plan's word (docs/search.md, kiku/search/postings/extensions.py), or -1. */
  async function impliedBy(index, plan) {
    if (!plan.japanese) return -1;
    var chars = plan.japanese;
    var contexts = await Promise.all(plan.needs.map(function (need) { return index.context(need.token); }));
    for (var i = 0; i < contexts.length; i++) {
      var context = contexts[i];
      if (context && context[0].endsWith(chars.slice(0, i).join("")) &&
          context[1].startsWith(chars.slice(i + 2).join(""))) return i;
    }
    return -1;
  }

  /* The numbers in every posting list, each with the AND of its heads: the shortest list's numbers
     looked up in each longer one by a galloping search (a short list against a long one costs
     little), into new arrays (the lists are the index's, kept for the next query). */
  function intersect(lists) {
    var ordered = lists.slice().sort(function (a, b) { return a.numbers.length - b.numbers.length; });
    var numbers = ordered[0].numbers;
    var heads = ordered[0].heads;
    for (var i = 1; i < ordered.length && numbers.length; i++) {
      var other = ordered[i];
      var keptNumbers = new Int32Array(numbers.length);
      var keptHeads = new Uint8Array(numbers.length);
      var kept = 0;
      var at = 0;
      for (var j = 0; j < numbers.length; j++) {
        at = seek(other.numbers, numbers[j], at);
        if (at < other.numbers.length && other.numbers[at] === numbers[j]) {
          keptNumbers[kept] = numbers[j];
          keptHeads[kept++] = heads[j] & other.heads[at];
        }
      }
      numbers = keptNumbers.subarray(0, kept);
      heads = keptHeads.subarray(0, kept);
    }
    return { numbers: numbers, heads: heads };
  }

  /* The heads `list` gives each of `numbers` (increasing, all in the list). */
  function headsIn(numbers, list) {
    var heads = new Uint8Array(numbers.length);
    for (var i = 0, at = 0; i < numbers.length; i++) {
      at = seek(list.numbers, numbers[i], at);
      heads[i] = list.heads[at];
    }
    return heads;
  }

  /* The first place at or after `from` in increasing `numbers` whose number is `target` or more. */
  function seek(numbers, target, from) {
    var low = from;
    var high = from;
    for (var step = 1; high < numbers.length && numbers[high] < target; step *= 2) {
      low = high + 1;
      high += step;
    }
    high = Math.min(high, numbers.length);
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (numbers[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /* Whether the record holds every plan's word: null if not, else whether all are in its head fields. */
  function confirm(record, plans) {
    var inHead = true;
    for (var i = 0; i < plans.length; i++) {
      if (spec.findWord(record.folded, plans[i], 0) < 0) return null;
      if (inHead && spec.findWord(record.foldedHead, plans[i], 0) < 0) inHead = false;
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

  var CONFIRM_BATCH = 24;  // candidates whose records are fetched together: a screen of results and a few more

  /* A query's matching articles, title/lead/heading matches first, then newest first, found so far.
     When the postings settle every word, all are known at once. Otherwise the candidates are
     confirmed in their records a batch at a time, in the order the results are shown: first the
     candidates whose postings allow a head match (every token of the query in the title, lead or a
     heading), newest first, then the others, newest first. So the first screen is known after a
     batch or two, and the rest are counted after it is shown. `results()` is the part of the
     final list that no later confirmation can change: only confirmed articles, in their place. */
  /* `numbers`: the candidates newest first (decreasing number), each with its heads. */
  function Answer(index, unsure, numbers, possibleHeads, sureHeads) {
    this.index = index;
    this.unsure = unsure;
    this.numbers = numbers;
    this.possibleHeads = possibleHeads;
    this.sureHeads = sureHeads;
    this.state = new Uint8Array(numbers.length);  // per candidate: UNCHECKED, NO, REST or HEAD
    this.headOrder = [];
    for (var i = 0; i < numbers.length; i++) if (possibleHeads[i]) this.headOrder.push(i);
    this.headPass = 0;  // the next candidate of headOrder to confirm
    this.restPass = 0;  // the next candidate to confirm after the head pass
    this.headDone = 0;  // the candidates of headOrder before this one are confirmed or refused
    this.restDone = 0;  // every candidate before this one is
    this.done = !unsure.length || !numbers.length;
    this.checked = 0;  // records read to confirm
    this.running = null;
    if (!unsure.length) {  // the postings are the answer
      for (var j = 0; j < numbers.length; j++) this.state[j] = possibleHeads[j] ? HEAD : REST;
      this.headPass = this.headDone = this.headOrder.length;
      this.restPass = this.restDone = numbers.length;
    }
  }

  var UNCHECKED = 0, NO = 1, REST = 2, HEAD = 3;

  /* The final list's first articles known so far: [number]. */
  Answer.prototype.results = function () {
    var heads = [];
    var rest = [];
    var headsKnown = this.headDone >= this.headOrder.length;
    var headsBefore = headsKnown ? this.numbers.length : this.headOrder[this.headDone];
    for (var i = 0; i < this.numbers.length; i++) {
      var state = this.state[i];
      if (state === HEAD && i < headsBefore) heads.push(this.numbers[i]);
      else if (state === REST && headsKnown && i < this.restDone) rest.push(this.numbers[i]);
    }
    return headsKnown ? heads.concat(rest) : heads;
  };

  /* Confirm batches until the final list's first `count` articles are known, or all are. */
  Answer.prototype.ready = async function (count) {
    while (!this.done && this.results().length < count) await this.advance();
    return this.results();
  };

  /* Confirm every candidate (`stop()` true: give up, a newer query runs); `progress(found)` after each batch. */
  Answer.prototype.finish = async function (stop, progress) {
    while (!this.done && !stop()) {
      await this.advance();
      if (progress) progress(this.results().length);
    }
    return this.results();
  };

  /* Confirm the next batch (one batch at a time, whoever asks). */
  Answer.prototype.advance = function () {
    var answer = this;
    if (!this.running) {
      this.running = this.confirmBatch().finally(function () { answer.running = null; });
    }
    return this.running;
  };

  Answer.prototype.confirmBatch = async function () {
    var batch = [];
    while (this.headPass < this.headOrder.length && batch.length < CONFIRM_BATCH) batch.push(this.headOrder[this.headPass++]);
    if (!batch.length) {
      while (this.restPass < this.numbers.length && batch.length < CONFIRM_BATCH) {
        if (this.state[this.restPass] === UNCHECKED) batch.push(this.restPass);
        this.restPass++;
      }
    }
    var index = this.index;
    var numbers = this.numbers;
    var records = await Promise.all(batch.map(function (i) { return index.record(numbers[i]); }));
    for (var k = 0; k < batch.length; k++) {
      var inHead = confirm(records[k], this.unsure);
      this.state[batch[k]] = inHead === null ? NO : inHead && this.sureHeads[batch[k]] ? HEAD : REST;
    }
    this.checked += batch.length;
    // Only now are the places before the batch's end final (results() may be asked meanwhile).
    this.headDone = this.headPass;
    if (this.headDone >= this.headOrder.length) {
      while (this.restPass < this.numbers.length && this.state[this.restPass] !== UNCHECKED) this.restPass++;
      this.restDone = this.restPass;
      this.done = this.restDone >= this.numbers.length;
    }
  };

  /* The answer to a query (its plans): the postings read, nothing confirmed yet. */
  async function start(index, plans) {
    await index.load();
    var results = await Promise.all(plans.map(function (plan) { return planArticles(index, plan); }));
    var found = intersect(results.map(function (result) { return result.found; }));
    var numbers = found.numbers;
    // For a word the postings do not settle, a candidate's heads say that each of its tokens is in
    // the head fields: needed for the word to be there, not enough.
    var sureHeads = new Uint8Array(numbers.length).fill(1);
    results.forEach(function (result) {
      if (!result.sure) return;
      var listHeads = headsIn(numbers, result.found);
      for (var i = 0; i < numbers.length; i++) sureHeads[i] &= listHeads[i];
    });
    var unsure = plans.filter(function (_, i) { return !results[i].sure; });
    // The index numbers articles oldest first: the candidates are shown newest first, so by
    // decreasing number (copies: the lists may be the index's own, kept for the next query).
    return new Answer(index, unsure, reversed(numbers), reversed(found.heads), sureHeads.reverse());
  }

  function reversed(typed) {
    return typed.slice().reverse();
  }

  /* Every matching article, in order: [number] (the tests' and benches' shortcut). */
  async function run(index, plans) {
    var answer = await start(index, plans);
    return answer.finish(function () { return false; });
  }

  spec.Index = Index;
  spec.tagOf = tagOf;
  spec.VersionError = VersionError;
  spec.inBatches = inBatches;
  spec.start = start;
  spec.run = run;
})();
