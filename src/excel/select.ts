/** Taking the user to a cell: a unit's row or the cell of a data issue. One sync. */
import { ExcelEnv } from './env';
import { fromOfficeError } from './errors';

export async function selectCell(env: ExcelEnv, sheet: string, address: string): Promise<void> {
  try {
    await env.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  } catch (e) {
    throw fromOfficeError(e, sheet);
  }
}
