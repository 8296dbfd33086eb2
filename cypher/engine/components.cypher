// title_zh: 引擎组件与版本
// title_en: Engine components and versions
// answers: which DBMS kernel and edition the Bolt server reports
// params: {}
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
