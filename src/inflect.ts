// English plural and singular of resource names: the table, module and URL are
// plural (`posts`), the class and variables singular (`Post`, `post`). The
// irregular and uncountable words cover what API resources are usually called;
// anything else can be given with `--singular`.

const IRREGULAR: Readonly<Record<string, string>> = {
  person: "people",
  child: "children",
  man: "men",
  woman: "women",
  mouse: "mice",
  goose: "geese",
  foot: "feet",
  tooth: "teeth",
  ox: "oxen",
  leaf: "leaves",
  knife: "knives",
  life: "lives",
  wife: "wives",
  half: "halves",
  shelf: "shelves",
  index: "indices",
  matrix: "matrices",
  vertex: "vertices",
  criterion: "criteria",
  datum: "data",
  medium: "media",
  analysis: "analyses",
  thesis: "theses",
  crisis: "crises",
  quiz: "quizzes",
};

const UNCOUNTABLE = new Set(["news", "series", "species", "equipment", "information", "metadata", "feedback", "software", "staff", "sheep", "fish", "deer", "money", "music"]);

const PLURAL_OF_IRREGULAR = new Map(Object.entries(IRREGULAR));
const SINGULAR_OF_IRREGULAR = new Map(Object.entries(IRREGULAR).map(([s, p]) => [p, s]));

/** The last `_`-separated word is the one that inflects: `blog_post` -> `blog_posts`. */
function onLastWord(name: string, inflect: (word: string) => string): string {
  const cut = name.lastIndexOf("_");
  return cut === -1 ? inflect(name) : `${name.slice(0, cut + 1)}${inflect(name.slice(cut + 1))}`;
}

function singularWord(word: string): string {
  if (UNCOUNTABLE.has(word) || PLURAL_OF_IRREGULAR.has(word)) return word;
  const irregular = SINGULAR_OF_IRREGULAR.get(word);
  if (irregular) return irregular;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z|us)es$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

function pluralWord(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  const irregular = PLURAL_OF_IRREGULAR.get(word);
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

export function singularize(name: string): string {
  return onLastWord(name, singularWord);
}

export function pluralize(name: string): string {
  return onLastWord(name, pluralWord);
}
