/* kiku search, 4 of 4: the search page. Reads ?q=, runs the query on submit and after the input
   method finishes composing, and shows the results. Text from the index is untrusted: it only ever
   reaches the page as text nodes, and links are built from articles/ and tags/ paths only. */
(function () {
  "use strict";

  var spec = window.kikuSearch;
  var PAGE_SIZE = 20;
  var SNIPPET_BEFORE = 30;
  var SNIPPET_AFTER = 90;

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
      var folded = record.foldedFields[order[k]];
      var first = -1;
      var words = 0;
      plans.forEach(function (plan) {
        var at = spec.findWord(folded, plan, 0);
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
    // A field that fits is shown whole; a longer one from a little before the match.
    var start = shown.length <= SNIPPET_BEFORE + SNIPPET_AFTER ? 0 : Math.max(0, first - SNIPPET_BEFORE);
    var end = Math.min(shown.length, start + SNIPPET_BEFORE + SNIPPET_AFTER);
    if (start > 0 && /[\udc00-\udfff]/.test(shown[start])) start--;
    if (end < shown.length && /[\udc00-\udfff]/.test(shown[end])) end++;
    var marks = [];
    plans.forEach(function (plan) {
      for (var at = spec.findWord(folded, plan, start); at >= 0 && at < end; at = spec.findWord(folded, plan, at + 1)) {
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
    record.g.forEach(function (number) {
      var tag = spec.tagOf(manifest, number);
      if (!tag) return;
      var tagLink = element("a", "tag");
      var tagPath = safePath(tag[3], "tags/");
      if (tagPath) tagLink.setAttribute("href", root + tagPath);
      var ja = element("span", "", tag[1]);
      ja.setAttribute("lang", "ja");
      var en = element("span", "", tag[2]);
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
    this.index = new spec.Index(container.getAttribute("data-manifest"));
    this.input = document.getElementById("search-input");
    this.status = document.getElementById("search-status");
    this.list = document.getElementById("search-results");
    this.more = document.getElementById("search-more");
    this.siteTitle = document.title.replace(/^[^·]*·\s*/, "");
    this.generation = 0;
    this.shown = 0;
    this.matches = [];
    this.answer = null;
    this.firstShown = 0;
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
    if (query.trim()) {
      page.search(query);
    } else {
      page.container.setAttribute("data-state", "done");
    }
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
    var plans = spec.parseQuery(query);
    if (!plans.length) {
      document.title = "検索 · " + this.siteTitle;
      this.status.textContent = query.trim() ? "漢字・かな・英数字を含む語を入力してください。" : "";
      this.container.setAttribute("data-state", "done");
      return;
    }
    this.status.textContent = "検索中…";
    var answer;
    var first;
    try {
      answer = await spec.start(this.index, plans);
      first = await answer.ready(PAGE_SIZE);
    } catch (error) {
      if (generation === this.generation) this.done(describe(error));
      return;
    }
    if (generation !== this.generation) return;
    this.plans = plans;
    this.answer = answer;
    this.matches = first;
    this.shown = 0;
    this.query = query.trim();
    document.title = "「" + this.query + "」の検索結果 · " + this.siteTitle;
    this.count();
    await this.showMore();
    this.firstShown = performance.now();  // when the first screen was drawn (bench/search_query.py)
    if (generation !== this.generation || answer.done) return;
    // The first screen is shown; the other candidates are confirmed to give the exact count.
    var page = this;
    this.container.setAttribute("data-state", "counting");
    try {
      await answer.finish(
        function () { return generation !== page.generation; },
        function (found) { page.matches = answer.results(); page.count(); page.more.hidden = page.shown >= found; }
      );
    } catch (error) {
      if (generation === this.generation) this.done(describe(error));
      return;
    }
    if (generation !== this.generation) return;
    this.matches = answer.results();
    this.count();
    this.more.hidden = this.shown >= this.matches.length;
    this.container.setAttribute("data-state", "done");
  };

  /* The status line: the number of matches, "or more" while the candidates are being confirmed. */
  SearchPage.prototype.count = function () {
    var found = this.matches.length;
    if (!this.answer.done) {
      this.status.textContent = "「" + this.query + "」に一致する記事: " + found + "件以上（確認中…）";
    } else {
      this.status.textContent = found
        ? "「" + this.query + "」に一致する記事: " + found + "件"
        : "「" + this.query + "」に一致する記事は見つかりませんでした。";
    }
  };

  SearchPage.prototype.showMore = async function () {
    var generation = this.generation;
    var index = this.index;
    var records;
    var numbers;
    try {
      this.matches = await this.answer.ready(this.shown + PAGE_SIZE);
      numbers = this.matches.slice(this.shown, this.shown + PAGE_SIZE);
      records = await spec.inBatches(numbers, function (number) { return index.record(number); });
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
    this.count();
    this.more.hidden = this.answer.done && this.shown >= this.matches.length;
    if (this.answer.done) this.container.setAttribute("data-state", "done");
  };

  /* The search ended with `message` in place of results (a data-state for tests and styles). */
  SearchPage.prototype.done = function (message) {
    this.status.textContent = message;
    this.container.setAttribute("data-state", "done");
  };

  function describe(error) {
    if (error instanceof spec.VersionError) return error.message;
    if (window.location.protocol === "file:") {
      return "ファイルとして開いたページでは、ブラウザーが検索索引の読み込みを許可しないため検索できません。" +
        "サイトをウェブサーバー（kiku serve など）で開いてください。";
    }
    return "検索索引を読み込めませんでした（" + (error && error.message ? error.message : String(error)) + "）。";
  }

  var container = document.getElementById("search");
  if (container) {
    spec.page = new SearchPage(container);  // for the benches
    spec.page.start();
  }
})();