/**
 * Function words that carry no meaning on their own. Written as people spell them; stored
 * normalized, so callers ask with a normalized surface word.
 */
import { normalize } from './normalize';

const ARABIC = `
في من على إلى الى عن مع أن ان إن كان كانت يكون تكون هذا هذه ذلك تلك هؤلاء هناك هنا التي الذي الذين
اللذان اللتان اللاتي و ثم أو او أم لا ما لم لن قد لقد كل بعض غير بين عند منذ حتى إذا اذا إذ لو لكن
بل هو هي هم هن أنا نحن أنت أنتم كما أي أيضا وقد وهو وهي وفي ومن وعلى وأن وكان فقد فإن ولا وما ليس
به بها له لها فيه فيها عليه عليها منه منها إليه عنه ضمن خلال حيث بعد قبل أمام دون نحو مثل يا
`;

const ENGLISH = `
the a an of to in on at by for from with and or but not no is are was were be been being am it its
this that these those as if then than so such he she they we you i me him her them his their our
your my has have had do does did will would can could should may might shall must there here which
who whom what when where why how all any each some into out over under about up down off again
`;

const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ARABIC} ${ENGLISH}`.split(/\s+/).filter(Boolean).map(normalize),
);

/** True for Arabic and English function words; expects a normalized surface word. */
export function isStopWord(surface: string): boolean {
  return STOP_WORDS.has(surface);
}
