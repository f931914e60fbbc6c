/** Distinct values numbered in order of first sight; `values[positionOf(value)] === value`. */
export type Interner<T> = {
  values: T[]
  positionOf: (value: T) => number
}

/**
 * Numbers values for compact serialisation: a value seen again gets its first number, so a
 * snapshot stores each distinct value once and refers to it by position.
 */
export function createInterner<T>(): Interner<T> {
  const values: T[] = []
  const positions = new Map<T, number>()
  return {
    values,
    positionOf: (value) => {
      let position = positions.get(value)
      if (position === undefined) {
        position = values.push(value) - 1
        positions.set(value, position)
      }
      return position
    },
  }
}
