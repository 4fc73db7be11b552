// Stand-in for the `string-similarity` package (Dice coefficient on bigrams).
function bigrams(s: string) {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

function compareTwoStrings(a: string, b: string) {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return a === b ? 1 : 0;
  const shared = x.filter((g) => y.includes(g)).length;
  return (2 * shared) / (x.length + y.length);
}

const stringSimilarity = { compareTwoStrings };
export default stringSimilarity;
