/* The public header compiles alone under -std=c11 -pedantic-errors. */
#include <titlelint/titlelint.h>

int
main(void)
{
    return titlelint_rule_count() > 0 ? 0 : 1;
}
