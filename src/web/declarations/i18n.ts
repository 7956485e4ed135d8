import { defineMessages } from "../i18n/define";

export default defineMessages({ title: "Verklaringen" }, { title: "Declarations" });
