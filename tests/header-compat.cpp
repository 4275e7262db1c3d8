// The public header compiles and links from C++.
#include <titlelint/titlelint.h>

int
main()
{
    const titlelint_rule *rule = titlelint_rule_find("brand-riding");
    return rule != nullptr ? 0 : 1;
}
