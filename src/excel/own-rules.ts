/**
 * Telling the add-in's own row-coloring rules from the user's: a custom conditional format whose
 * formula is one of the status rules it writes (report/status-column). Read, write and clear all
 * load a sheet's conditional formats with OWN_RULE_LOAD and test each with isOwnStatusRule.
 */
import { isStatusRuleFormula } from '../report/status-column';

/** What to load on a ConditionalFormatCollection for isOwnStatusRule (and the rule's id). */
export const OWN_RULE_LOAD = 'items/id,items/type,items/customOrNullObject/rule/formula';

/** Whether a conditional format, loaded with OWN_RULE_LOAD, is one the add-in wrote. */
export function isOwnStatusRule(cf: Excel.ConditionalFormat): boolean {
  return cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isStatusRuleFormula(cf.customOrNullObject.rule.formula);
}
