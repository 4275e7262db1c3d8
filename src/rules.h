/* Stage 4: rules.  Each rule's check function, one file per family under
 * rules/, registered in the descriptor table of rules.c. */
#ifndef TL_RULES_H
#define TL_RULES_H

#include "private.h"

void tl_check_brand_riding(struct titlelint_checker *chk,
                           const struct titlelint_rule *rule);
void tl_check_celebrity_riding(struct titlelint_checker *chk,
                               const struct titlelint_rule *rule);

#endif
