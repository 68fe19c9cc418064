"""Is a source card an ad: one scored decision (``off_topic``) over how much the card is about its
page (``relevance``) and how its summary speaks (``summary_voice``)."""
