import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

/*
 * A new password must not be guessable (NIST SP 800-63B 5.1.1.2: check against commonly used or compromised
 * passwords, repetitive or sequential characters and context-specific words). zxcvbn-ts estimates how many guesses
 * a password takes against its list of common passwords, repeats, sequences, keyboard rows and dates, and the
 * account's own e-mail address and name; fewer than 10^8 (its score below 3) is refused.
 */
const MIN_SCORE = 3

let estimator: ZxcvbnFactory | undefined
// built on first use: the dictionaries take a moment to rank and are needed only when a password is set
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }))

function reasonOf(match: MatchExtended): string | null {
  switch (match.pattern) {
    case 'dictionary':
      return match.dictionaryName === 'userInputs' ? 'メールアドレスや氏名を含んでいます' : 'よく使われるパスワードや語を含んでいます'
    case 'repeat':
      return '同じ文字や並びを繰り返しています'
    case 'sequence':
      return '1234 や abcd のような連続した並びを含んでいます'
    case 'spatial':
      return 'qwerty のようなキーボード上の並びを含んでいます'
    case 'date':
    case 'regex':
      return '日付や年を含んでいます'
    default:
      return null
  }
}

/**
 * Why a new password is too easy to guess, in Japanese naming the field, or null when it is not. `context` is what
 * an attacker knows of the account (its e-mail address, its name).
 */
export function guessablePasswordProblem(password: string, context: readonly string[]): string | null {
  const words = context.flatMap((value) => [value, ...value.split('@'), ...value.split(/[@.\s_-]+/)]).filter((word) => word.length >= 3)
  const result = zxcvbn().check(password, words)
  if (result.score >= MIN_SCORE) return null
  const reasons = [...new Set(result.sequence.map(reasonOf).filter((reason): reason is string => reason !== null))]
  const why = reasons.length > 0 ? `（${reasons.join('、')}）` : ''
  return `パスワードが推測されやすいため使えません${why}。思いつきにくい語をいくつか組み合わせるなど、推測されにくいものにしてください。`
}
