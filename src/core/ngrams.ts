/**
 * Character n-grams of one word with its edges marked (^社区$ → ^社, 社区, 区$ …), the features both
 * small text classifiers (report dialog turns, question scope) are trained on. Lone edge marks are
 * left out; characters are code points, so an emoji is one character.
 */
export function edgeGrams(word: string, maxSize: number): string[] {
  const characters = [...`^${word}$`];
  const grams: string[] = [];
  for (let size = 1; size <= maxSize; size += 1) {
    for (let index = 0; index + size <= characters.length; index += 1) {
      const gram = characters.slice(index, index + size).join("");
      if (gram !== "^" && gram !== "$") grams.push(gram);
    }
  }
  return grams;
}
