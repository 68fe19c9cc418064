"""Ads and real cards told apart by their words: offers, the page's topic, what a summary vouches for."""

from __future__ import annotations

from kiku.importer.layouts.ads.off_topic import ad_weights, card_evidence, is_off_topic, off_topic_reason
from kiku.importer.layouts.ads.relevance import PageBigrams, promotion_cues

SECTION = ["店頭価格はどう動く?", "ガソリン価格はいくらになる？", "160円前後に下がる見通し",
           "資源エネルギー庁によると、レギュラーガソリンの全国平均価格は1リットル170円前後で推移しています。",
           "暫定税率分が価格に反映されれば、年明けには150円台まで下がる可能性があります。"]


PAGE = [*SECTION, "ガソリン税の暫定税率、年末に廃止へ", "与野党はガソリン税の暫定税率を年末に廃止することで合意した。",
        "物流や地方の家計には朗報ですね。"]


def test_an_ad_under_a_news_title_is_found_by_its_offers() -> None:
    ad = ["給油がおトクになるクレジットカード、今年の人気ランキングを発表！",
          "全国のスタンドで1リットルあたり最大7円引き、年会費無料のカードも。"]
    assert is_off_topic("全国のガソリン価格、今年の最安値に 速報", ad, SECTION, PAGE)


def test_a_real_card_worded_unlike_its_page_is_not_flagged() -> None:
    real = ["開店前から数百人の列ができ、用意した袋は午前中のうちに売り切れた。",
            "買い物に来た70代の女性は「年金暮らしには本当に助かる」と話し、店側は追加の入荷を急いでいる。"]
    section = ["備蓄米の放出は効いたのか", "政府の備蓄米放出で何が変わった？", "一部で値下がり",
               "備蓄米が並んだのは大手チェーンの一部にとどまり、地方の小さなスーパーには届きにくい。",
               "行列の光景を見ると、家計の苦しさが伝わってきます。"]
    page = [*section, "コメ価格はなぜ高止まり？", "スーパーのコメ5キロが4000円台に。", "5キロ2000円前後での販売を想定している。",
            "店の担当者は「入荷してもすぐに売り切れる」と話す。"]
    assert not is_off_topic("棚に並んだ「2000円のコメ」、初日に完売 大阪の店舗", real, section, page)


PAGE_TITLE = "クマ出没、東北で過去最多ペース 市街地に現れる理由"


BEAR_SECTION = ["なぜ人里に下りてくるのか", "クマが市街地に現れるのはなぜ？", "えさ不足と里山の荒廃",
                "今年は全国的にブナの実が少なく、えさを求めて人里に下りるクマが増えています。",
                "高齢化で見回りの担い手が減ったことも、出没が増えた一因とされます。"]


def test_an_untitled_card_sharing_only_generic_words_is_an_ad() -> None:
    pet_ad = ["今年の秋も全国の保険会社で、ペット保険の加入者向けに保険料を割り引くキャンペーンが始まった。",
              "犬や猫の高齢化で通院が増えており、補償内容を見直す飼い主が多いという。"]
    topic = [PAGE_TITLE, *BEAR_SECTION[:3]]
    assert is_off_topic(None, pet_ad, BEAR_SECTION, [PAGE_TITLE, *BEAR_SECTION], topic)
    real = ["人が減った集落では、収穫されない柿の木がクマを引き寄せている。", "専門家は柿の実を早めに取るよう呼びかけている。"]
    assert not is_off_topic(None, real, BEAR_SECTION, [PAGE_TITLE, *BEAR_SECTION], topic)


def test_a_summary_sharing_the_page_titles_words_vouches_for_a_title_worded_otherwise() -> None:
    title = "花火大会の有料席、1席10万円も 値上げの裏にある「警備費」"
    section = ["有料席はなぜ高い？", "観覧席の価格はどこまで上がった？", "10万円の席も登場",
               "都心の大会では、警備や清掃にかかる費用が年々増えています。", "無料の場所は年々狭くなっています。"]
    summary = ["隅田川花火大会の一部の協賛会場で、料理と飲み物付きの観覧席が1人10万円で販売された。",
               "主催者側は、混雑を避けて落ち着いて楽しみたい人や訪日客の需要を見込んでいる。"]
    card_title = "隅田川に初の「特等席」 飲食付きで川沿い独占"
    assert not is_off_topic(card_title, summary, section, [title, *section], [title, *section[:3]])

    # Without the page's title to share words with, the title worded otherwise weighs against the card
    # again; its summary saying its title's and its section's words keeps it real all the same.
    def title_weights(page_title: str) -> list[float]:
        evidence = card_evidence(card_title, summary, section, PageBigrams(enumerate([title, *section])), (),
                                 [page_title, *section[:3]])
        return [weight.weight for weight in ad_weights(evidence) if weight.feature.startswith("its title shares")]

    assert title_weights(title) == []
    assert title_weights("夏の催し") == [1.5]
    assert not is_off_topic(card_title, summary, section, [title, *section], ["夏の催し", *section[:3]])


MUSEUM_PAGE = [
    "県立博物館の恐竜展、開幕から1か月で10万人", "恐竜の化石を集めた特別展が、県立博物館で開かれています。",
    "展示の目玉", "何が見られる？", "全長12メートルの全身骨格", "国内で見つかった化石を中心に、40点余りが並びます。",
    "今年の夏休みは全国から家族連れが訪れ、人気の展示になっています。",
    "子どもたちが骨格の前で足を止め、熱心に説明を読んでいました。",
]


def test_an_ad_whose_title_is_an_offer_over_an_unrelated_summary_is_flagged() -> None:
    # The summary and the title share only generic words with the page (今年, 夏休み, 全国, 人気,
    # 家族連れ); the offer is in the title alone (人気, ランキング, 比較).
    summary = ["新しい電動歯ブラシが今年発売され、家族連れの間で話題になっている。",
               "量販店では初日に品薄となり、次の入荷は来月になる見込みだ。"]
    assert is_off_topic("今年の夏休み、全国で人気の温泉ランキング 料金も比較", summary, MUSEUM_PAGE[2:],
                        MUSEUM_PAGE, topic=[MUSEUM_PAGE[0], *MUSEUM_PAGE[2:5]])


def test_a_paraphrased_real_card_with_one_offer_word_in_its_title_stays_real() -> None:
    # Worded unlike the page (a seventh of its pairs are the page's), with '人気' in the title.
    summary = ["骨格の組み立てには、博物館の研究者と学生が半年をかけた。",
               "来場者の声を受けて、夜間の開館も検討されている。"]
    assert not is_off_topic("恐竜展、人気の全身骨格はこうして組まれた", summary, MUSEUM_PAGE[2:],
                            MUSEUM_PAGE, topic=[MUSEUM_PAGE[0], *MUSEUM_PAGE[2:5]])


def test_the_warning_says_the_offer_is_in_the_title() -> None:
    page = PageBigrams(enumerate(MUSEUM_PAGE))
    reason = off_topic_reason("今年の夏休み、全国で人気の温泉ランキング 料金も比較",
                              ["新しい電動歯ブラシが今年発売され、家族連れの間で話題になっている。",
                               "量販店では初日に品薄となり、次の入荷は来月になる見込みだ。"],
                              MUSEUM_PAGE[2:], page, topic=[MUSEUM_PAGE[0], *MUSEUM_PAGE[2:5]])
    assert reason == ("it reads as an ad (score 3.75, flagged from 2): 3 offer words in its title +2.25, its summary "
                      "shares 0.10 of its words with the page +1, its summary is about something else than its title +0.5")


RIVER_TOPIC = ["川の水位、梅雨入り前に確かめたいこと", "水位の見通し", "今年の水位は高い？", "上流のダムは例年並み"]


RIVER_SECTION = [*RIVER_TOPIC[1:], "上流のダムの貯水量は例年並みで、大雨の予報もまだ出ていない。"]


RIVER_PAGE = [*RIVER_TOPIC, *RIVER_SECTION, "梅雨の大雨に備えて、川の様子を見ておきましょう。"]


def test_a_quotation_for_a_title_is_no_evidence_that_a_card_is_an_ad() -> None:
    summary = ["あの夜、上流から濁った水が流れてきたと男性は話す。"]
    assert not is_off_topic("「あの夜の音は忘れない」", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    # The same summary under a title in other words than the page's is weighed as an ad.
    assert is_off_topic("夜の音、静かな寝室へ", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_a_title_about_the_page_vouches_for_a_card_without_a_word_of_an_offer() -> None:
    summary = ["土のうの代わりに、ごみ袋に水を入れて玄関に並べる方法もある。"]
    assert not is_off_topic("梅雨入り前の水位、上流のダムで確かめる", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    assert is_off_topic("梅雨入り前の水位、上流のダムで確かめる", [*summary, "今なら会員登録で人気の防災セットが半額。"],
                        RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_a_summary_sharing_its_section_s_word_under_a_title_near_the_page_is_real() -> None:
    summary = ["近くの住民は、上流に黒い雲を見て家を出たという。"]
    assert not is_off_topic("川沿いの町、見通しを聞いて避難", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    assert is_off_topic("町の新しい散歩道", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_an_ad_whose_only_link_to_the_page_is_a_word_its_title_also_holds_is_flagged() -> None:
    summary = ["梅雨どきの部屋干しも、乾燥機ならすぐ乾く。"]
    assert is_off_topic("梅雨の新生活家電、発売相次ぐ", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    # Without the echoed word in its title, the summary's 梅雨 links the card to the page.
    assert not is_off_topic("新生活家電、発売相次ぐ", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_a_summary_saying_two_words_of_its_section_is_real_under_a_title_not_foreign_to_the_page() -> None:
    page_title = "港町の家計、値上げの春"
    section = ["魚の値段は？", "鮮魚の値上げは続く？", "5月も鮮魚と干物が値上がり", "漁協によると、燃料代が重荷だという。"]
    topic = [page_title, *section[:3]]
    summary = ["民間調査会社の集計では、来月に出荷額が上がる鮮魚は三十種類にのぼる。",
               "干物や冷凍加工品も、物流費と人件費の上昇で卸値が押し上げられている。"]
    page = [page_title, *section]
    assert not is_off_topic("港町の台所事情、夏に向けてまた一段と苦しく", summary, section, page, topic=topic)
    # A title sharing no word with the page is evidence against the card all the same.
    assert is_off_topic("食卓の夏、また一段と重く", summary, section, page, topic=topic)


def test_one_word_of_an_offer_in_a_title_about_the_page_does_not_make_an_ad() -> None:
    topic = ["港町のバス路線が廃止へ", "代わりの足は？", "廃止区間はどう移動する？", "予約制の乗り合いタクシー"]
    summary = ["運賃は1回300円で、高校生以下は200円。", "前日までに電話で予約すると迎えに来る。"]
    title = "廃止区間に乗り合いタクシー 電話予約で運行"
    assert not is_off_topic(title, summary, topic[1:], topic, topic=topic)
    offer = ["今なら初回無料、お申し込みはWebで3分。", "新電力への切り替えで年間2万円お得に。"]
    assert is_off_topic(title, offer, topic[1:], topic, topic=topic)


def test_an_untitled_card_sharing_no_topic_word_is_an_ad_only_when_it_speaks_of_an_offer() -> None:
    page_title = "夏の花火大会、暑さ対策は？"
    section = ["夜の部は定着した", "昨年から始まった夜の部の効果は?", "熱中症の疑いは減少傾向",
               "暑さのピークを避ける工夫は、すでに一定の成果を上げています。",
               "大会本部によると、夜の部を実施した日の熱中症の疑いによる搬送者は約4割少なかった。"]
    topic = [page_title, *section[:3]]
    # The page's remarks around the card speak of the town, its restaurants and visitors from afar.
    page = [page_title, *section, "遠方から訪れる人も多い夏の花火大会。", "地元にとっては、思わぬ影響も出ているようです。",
            "飲食店の営業にも変化が出ています。"]
    side_story = ["地元の飲食店では、夜遅くまで客が残るため営業時間を延ばす店が増えた。",
                  "一方、終了が深夜近くになり、遠方から来た人の帰りの足を心配する声もある。"]
    assert not is_off_topic(None, side_story, section, page, topic=topic)
    offer = ["地元の飲食店では、夜遅くまで営業する店で使えるクーポンを配っている。",
             "一方、遠方から来た人には帰りのタクシー代を割り引く。"]
    assert is_off_topic(None, offer, section, page, topic=topic)


def test_a_price_given_as_its_range_is_the_price_floor_offer() -> None:
    assert promotion_cues(["新型の加湿器は5000円台から選べます。"]) == promotion_cues(["新型の加湿器は5000円から選べます。"]) == 1
    # An ad under a title written from the page's words, borrowing its generic words (今年, 全国, 最新):
    # its price floor is the second offer word that shows the bait.
    topic = ["港町で大雪、交通に乱れ", "なぜ今年は雪が多い？", "今年の雪の降り方は？", "海からの寒気が強い"]
    section = [*topic[1:], "今年は全国で雪の多い冬となり、家庭でも最新の備えを見直す動きが広がっています。",
               "除雪の負担が重く、手頃な対策が求められます。"]
    title = "港町の大雪、今年も全国で 最新の降り方まとめ"
    opening = "今年は全国の家庭で除雪機を見直す動きが広がり、"
    priced = [opening + "最新モデルは10万円台からと手頃です。", "小型のタイプが引き続き人気です。"]
    assert is_off_topic(title, priced, section, [topic[0], *section], topic=topic)
    unpriced = [opening + "最新モデルは軽くて手頃です。", "小型のタイプが引き続き人気です。"]
    assert not is_off_topic(title, unpriced, section, [topic[0], *section], topic=topic)


ONSEN_TITLE = "湯けむりの町に冬の祭り、今年も全国から観光客 旅館の人手不足が影を落とす"
ONSEN_SECTION = ["冬祭りの人出は?", "今年の湯けむり祭りはにぎわった？", "初日だけで2万人",
                 "温泉街の旅館組合によると、祭りの初日には全国から約2万人が訪れ、雪灯籠の小道に長い列ができました。",
                 "町は今月末まで、SNSに写真を投稿した人に記念品を配るPRキャンペーンを実施中で、申し込みは観光協会の窓口でも受け付けています。",
                 "人気の足湯めぐりは、夜になっても順番待ちが続いていました。"]


def test_an_ad_sharing_only_generic_words_and_offers_with_its_section_is_found() -> None:
    """Its summary meets the section only in 今年, 全国 and the section's own campaign and 人気: no topic word."""
    ad = ["スマホで3分の入力だけで、複数の銀行のマイカーローン金利をまとめて比べられるアプリが人気。",
          "年内の申し込みで、抽選でギフト券が当たるキャンペーンを実施中。"]
    title = "今年の冬も全国で人手不足？マイカーの買い替えは今が狙い目"
    assert is_off_topic(title, ad, ONSEN_SECTION, [ONSEN_TITLE, *ONSEN_SECTION], [ONSEN_TITLE, *ONSEN_SECTION[:3]])


def test_a_real_card_with_offers_that_names_its_section_s_topic_is_kept() -> None:
    """Two offers in the summary, but its words (温泉街, 旅館, 祭り, 宿泊) are the section's: news of an offer."""
    real = ["温泉街の旅館組合は、祭りの期間中に宿泊した人へ日帰り入浴券を無料で配るキャンペーンを行っている。",
            "組合の担当者は「雪灯籠を見た後に、ゆっくり湯につかってほしい」と話した。"]
    assert not is_off_topic("雪灯籠の温泉街、宿泊客に入浴券", real, ONSEN_SECTION, [ONSEN_TITLE, *ONSEN_SECTION],
                            [ONSEN_TITLE, *ONSEN_SECTION[:3]])
