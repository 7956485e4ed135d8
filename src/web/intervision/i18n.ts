import { defineMessages } from "../i18n/define";

export default defineMessages({ title: "Intervisie" }, { title: "Intervision" });
