import { freshCompanies } from '../../helpers/administration.js';
import { portContract } from '../../services/administration/portContract.js';

portContract('embedded company', async () => {
  const { port, small } = await freshCompanies();
  return {
    port,
    small,
    async cleanup() {
      await port.close();
      await small.close();
    },
  };
});
