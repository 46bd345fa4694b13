import type { ConfigurationStore, ConnectionView } from '../../config/configurationStore.js';
import type { AdministrationPort } from '../administration/port.js';
import type { SeveraClient } from '../severa/index.js';
import type { Mappings } from '../transfer/mappings.js';
import type { TransferSettings } from '../transfer/settings.js';
import { fetchChoices, type SettingsChoices } from './choices.js';
import { type AdministrationTest, type SeveraTest, testAdministration, testSevera } from './connectionTest.js';
import { changeMapping, changeSetting, type SettingChange } from './settingChange.js';

/** Everything the settings screen shows; the live parts (choices, tests) once fetched. */
export interface SettingsView {
  describe: string;
  editable: boolean;
  connection: ConnectionView;
  settings: TransferSettings;
  mappings: Mappings;
  choices?: SettingsChoices;
  severaTest?: SeveraTest;
  administrationTest?: AdministrationTest;
  /** Why a side is not connected (configuration), when it is not. */
  problems: { severa?: string; administration?: string };
}

export interface SettingsHost {
  sides(): { severa?: SeveraClient; administration?: AdministrationPort; problems: { severa?: string; administration?: string } };
  /** The store changed: take the new settings and mappings into use. */
  adopt(settings: TransferSettings, mappings: Mappings): void;
  /** The connection changed: build new clients from the store (and the environment). */
  reconnect(): Promise<void>;
}

/** The settings screen's services: read the store, fetch what both sides offer, test live, save a change. */
export class SettingsService {
  constructor(
    private readonly store: ConfigurationStore,
    private readonly host: SettingsHost,
  ) {}

  view(): SettingsView {
    return {
      describe: this.store.describe,
      editable: this.store.connectionEditable,
      connection: this.store.connection(),
      settings: this.store.settings(),
      mappings: this.store.mappings(),
      problems: this.host.sides().problems,
    };
  }

  /** The view with both sides' lists and a live test of both connections. */
  async liveView(): Promise<SettingsView> {
    const { severa, administration } = this.host.sides();
    const mappings = this.store.mappings();
    const [choices, severaTest, administrationTest] = await Promise.all([
      fetchChoices(severa, administration, mappings),
      severa ? testSevera(severa) : undefined,
      administration ? testAdministration(administration) : undefined,
    ]);
    return { ...this.view(), choices, severaTest, administrationTest };
  }

  /** Saves one change (validated first; nothing is written when it is refused). */
  async apply(change: SettingChange): Promise<void> {
    switch (change.kind) {
      case 'connection':
        this.store.setConnectionField(change.field, change.value);
        await this.host.reconnect();
        return;
      case 'setting': {
        const settings = changeSetting(this.store.settings(), change.key, change.value);
        this.store.saveSettings(settings);
        this.host.adopt(settings, this.store.mappings());
        return;
      }
      case 'mapping': {
        const mappings = changeMapping(this.store.mappings(), change.table, change.severa, change.administration);
        this.store.saveMappings(mappings);
        this.host.adopt(this.store.settings(), mappings);
        return;
      }
    }
  }
}
