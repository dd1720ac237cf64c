"""Irregular English forms that the light stemmer of :func:`.dictionary.lemma` leaves alone.

Glosses are written in the base form ("to fall", "a leaf") while news and
stories are told in the past tense and the plural ("prices fell", "the
leaves"), so both the picker's English equivalent and the aligner need these
forms reduced to their base.  One table serves both, so that a form added
for one helps the other.
"""

from __future__ import annotations


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.split(":") for pair in text.split())


#: Irregular past tenses and past participles, each with its base form.
PAST_FORMS = _pairs(
    """
fell:fall rose:rise grew:grow grown:grow fallen:fall risen:rise began:begin begun:begin broke:break
broken:break brought:bring built:build bought:buy caught:catch chose:choose chosen:choose drew:draw
drawn:draw drove:drive driven:drive fought:fight found:find flew:fly flown:fly forgot:forget
gave:give given:give held:hold hid:hide hidden:hide kept:keep knew:know known:know laid:lay led:lead
left:leave lost:lose made:make meant:mean met:meet paid:pay overtook:overtake overtaken:overtake
ran:run rewritten:rewrite wrote:write written:write sold:sell sent:send shot:shoot shook:shake
shrank:shrink shrunk:shrink sank:sink sunk:sink spent:spend spoke:speak spoken:speak stole:steal
stolen:steal struck:strike swept:sweep took:take taken:take taught:teach thought:think threw:throw
thrown:throw told:tell understood:understand won:win wore:wear worn:wear withdrew:withdraw
withdrawn:withdraw saw:see seen:see came:come became:become overcame:overcome went:go gone:go did:do
done:do undid:undo undone:undo got:get gotten:get forgotten:forget felt:feel heard:hear stood:stand
withstood:withstand sat:sit sought:seek fed:feed fled:flee hung:hang ate:eat eaten:eat woke:wake
woken:wake arose:arise arisen:arise upheld:uphold withheld:withhold undertook:undertake
undertaken:undertake mistook:mistake mistaken:mistake bent:bend dug:dig lit:light sped:speed
tore:tear torn:tear swore:swear sworn:swear froze:freeze frozen:freeze rode:ride ridden:ride
wept:weep stuck:stick slept:sleep shone:shine dealt:deal crept:creep clung:cling bled:bleed
bred:breed spun:spin sprang:spring sprung:spring sang:sing sung:sing rang:ring rung:ring swam:swim
swum:swim swung:swing stung:sting strove:strive striven:strive trod:tread trodden:tread
forbade:forbid forbidden:forbid forgave:forgive forgiven:forgive foresaw:foresee foreseen:foresee
overthrew:overthrow overthrown:overthrow overran:overrun oversaw:oversee overseen:oversee
rebuilt:rebuild sewn:sew slid:slide spat:spit strode:stride bitten:bite blew:blow blown:blow
drank:drink drunk:drink
"""
)

#: Prefixes a verb keeps in its irregular past ("resold": resell, "outgrew": outgrow); not un-, whose
#: participles are adjectives of their own ("unsold", "unknown").
_VERB_PREFIXES = ("re", "out", "over", "under", "mis", "fore", "with", "up")
#: The shortest irregular past a prefix is taken off for ("resold", not "red" or "unmet").
_MIN_PREFIXED_PAST = 4


def past_base(word: str) -> str:
    """The base form of an irregular past tense or participle, a prefixed one included (the
    table lists "sold", the article says "resold" and CC-CEDICT glosses 转卖 "to resell"); else ""."""
    if base := PAST_FORMS.get(word):
        return base
    for prefix in _VERB_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _MIN_PREFIXED_PAST and rest in PAST_FORMS:
            return prefix + PAST_FORMS[rest]
    return ""


#: Irregular plurals, each with its singular.
PLURAL_FORMS = _pairs(
    """
leaves:leaf lives:life wives:wife knives:knife halves:half shelves:shelf thieves:thief wolves:wolf
calves:calf loaves:loaf children:child men:man women:woman feet:foot teeth:tooth mice:mouse
geese:goose bacteria:bacterium criteria:criterion phenomena:phenomenon crises:crisis
analyses:analysis diagnoses:diagnosis hypotheses:hypothesis fungi:fungus nuclei:nucleus
stimuli:stimulus larvae:larva algae:alga
"""
)


def ends_in_eed(word: str) -> bool:
    """Whether a light stemmer taking "-ed" for the past tense would cut ``word``'s own -eed
    (breed: "bre", exceed: "exce", agreed: "agre"), so that its base form and its other forms
    ("breeding": breed, "exceeded": exceed) no longer meet.  Short words (need, seed) keep
    their stem anyway."""
    return len(word) > 4 and word.endswith("eed")
