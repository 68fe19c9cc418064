/* kiku search, 2 of 3: the index. Fetches the files kiku wrote under search/ (docs/search.md),
   finds the candidates of a query in the postings and confirms them against the stored text. */
(function () {
  "use strict";

  var spec = window.kikuSearch;
  var FORMAT = "kiku-search";

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
    this.decoded = new Map();  // need → Map(number → head): a repeated query decodes nothing
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
      var manifest = await fetchJson(this.manifestUrl);
      if (manifest.format !== FORMAT || manifest.tokenizer !== spec.TOKENIZER_VERSION) {
        throw new VersionError(manifest.tokenizer);
      }
      this.manifest = manifest;
    }
    return this.manifest;
  };

  Index.prototype.shard = function (number) {
    var url = this.base + "shards/" + number + ".json.gz";
    return cached(this.shards, number, function () { return fetchJson(url); });
  };

  Index.prototype.record = function (number) {
    var url = this.base + "articles/" + number + ".json.gz";
    return cached(this.records, number, function () { return fetchJson(url).then(prepareRecord); });
  };

  /* Map(article number → head) of one need: a token, or every token starting with a character. */
  Index.prototype.postings = function (need) {
    var index = this;
    var key = need.token !== undefined ? "token:" + need.token : "prefix:" + need.prefix;
    return cached(this.decoded, key, function () { return index.decode(need); });
  };

  Index.prototype.decode = async function (need) {
    var first = need.prefix || Array.from(need.token)[0];
    var key = need.prefix || (spec.kindOf(first) === "ja" ? first : need.token);
    var shard = await this.shard(spec.shardOf(key, this.manifest.shards));
    var found = new Map();
    if (need.token !== undefined) {
      if (Object.prototype.hasOwnProperty.call(shard, need.token)) spec.decodePostings(shard[need.token], found);
      return found;
    }
    Object.keys(shard).forEach(function (token) {
      if (token.codePointAt(0) === need.prefix.codePointAt(0)) spec.decodePostings(shard[token], found);
    });
    return found;
  };

  function VersionError(version) {
    this.message = "この検索索引（トークナイザー v" + version + "）は、このページの検索スクリプト（v" +
      spec.TOKENIZER_VERSION + "）と形式が合いません。サイトを作り直してください（kiku build）。";
  }

  function prepareRecord(record) {
    var head = new Set(record.h);
    record.folded = spec.fold(record.x.join("\n"));
    record.foldedHead = spec.fold(record.x.filter(function (_, i) { return head.has(i); }).join("\n"));
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


  spec.Index = Index;
  spec.VersionError = VersionError;
  spec.inBatches = inBatches;
  spec.run = run;
})();
