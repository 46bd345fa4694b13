import { fakeAdkCompanies } from '../../helpers/fakeAdk.js';
import { portContract } from './portContract.js';

portContract('ADK adapter → koffi → stand-in Adk library', fakeAdkCompanies);
