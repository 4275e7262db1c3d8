/* Stage 4: rules.  Each rule's check function, one file per family under
 * rules/, registered in the descriptor table of rules.c. */
#ifndef TL_RULES_H
#define TL_RULES_H

#include "private.h"

#define TL_RULE_CHECK(name) \
    void tl_check_##name(struct titlelint_checker *chk, const struct titlelint_rule *rule)

TL_RULE_CHECK(platform_format);
TL_RULE_CHECK(missing_category);
TL_RULE_CHECK(multiple_subjects);
TL_RULE_CHECK(missing_attributes);
TL_RULE_CHECK(irrelevant_symbols);
TL_RULE_CHECK(keyword_stuffing);
TL_RULE_CHECK(evasion);
TL_RULE_CHECK(brand_riding);
TL_RULE_CHECK(celebrity_riding);
TL_RULE_CHECK(hotword_riding);
TL_RULE_CHECK(absolute_claims);
TL_RULE_CHECK(off_platform_contact);
TL_RULE_CHECK(price_claim);

#endif
