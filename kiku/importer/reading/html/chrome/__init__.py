"""Chrome of a saved page: the rules that drop what is never content, the shapes they test, the
page's own ad boxes, and the boxes looked into before the walk (a box's heading, a script link's card)."""
