/* crm-demo-data.h — the Brazilian names, places and phrases of the demo
 *
 * Only the demo's files include this, through crm-demo-private.h. The
 * tables are const all the way down, so a file that does not use one gets
 * neither a copy of it nor an unused-variable warning.
 *
 * Everything here is sample DATA, written in Portuguese on purpose: it is
 * what a team in Brazil would type into its CRM, so none of it goes through
 * gettext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-builtin-private.h"

/* ---- Our own company: departments and colleagues ------------------------- */

typedef struct
{
  const char *name;
  int         parent;   /* index in demo_departments, or -1 */
} DemoDepartment;

enum
{
  DEPT_BOARD,
  DEPT_SALES,
  DEPT_SALES_SP,
  DEPT_SALES_RJ,
  DEPT_MARKETING,
  DEPT_SERVICE,
};

static const DemoDepartment demo_departments[] = {
  [DEPT_BOARD]     = { "Diretoria", -1 },
  [DEPT_SALES]     = { "Vendas", DEPT_BOARD },
  [DEPT_SALES_SP]  = { "Vendas São Paulo", DEPT_SALES },
  [DEPT_SALES_RJ]  = { "Vendas Rio de Janeiro", DEPT_SALES },
  [DEPT_MARKETING] = { "Marketing", DEPT_BOARD },
  [DEPT_SERVICE]   = { "Atendimento", DEPT_BOARD },
};

typedef struct
{
  const char *login;
  const char *name;
  const char *position;
  int         department;
  gboolean    is_head;    /* heads their department */
  gboolean    sells;      /* responsible for deals, leads and quotes */
} DemoColleague;

#define DEMO_MAIL_DOMAIN "sabiasolucoes.com.br"

static const DemoColleague demo_colleagues[] = {
  { "ricardo.mendes",    "Ricardo Mendes",    "Diretor comercial",            DEPT_BOARD,     TRUE,  FALSE },
  { "mariana.costa",     "Mariana Costa",     "Gerente de vendas",            DEPT_SALES_SP,  TRUE,  TRUE },
  { "rafael.oliveira",   "Rafael Oliveira",   "Executivo de contas",          DEPT_SALES_SP,  FALSE, TRUE },
  { "beatriz.santos",    "Beatriz Santos",    "Executiva de contas",          DEPT_SALES_SP,  FALSE, TRUE },
  { "thiago.nascimento", "Thiago Nascimento", "Gerente de vendas",            DEPT_SALES_RJ,  TRUE,  TRUE },
  { "juliana.araujo",    "Juliana Araújo",    "Executiva de contas",          DEPT_SALES_RJ,  FALSE, TRUE },
  { "camila.rocha",      "Camila Rocha",      "Coordenadora de marketing",    DEPT_MARKETING, TRUE,  FALSE },
  { "joao.conceicao",    "João Conceição",    "Coordenador de atendimento",   DEPT_SERVICE,   TRUE,  FALSE },
};

/* The second deal pipeline: long projects for big accounts. */
static const CrmBuiltinStage demo_corporate_stages[] = {
  { "qualification", "Qualificação", "#39a8ef", CRM_STAGE_PROGRESS },
  { "proposal",      "Proposta",     "#2fc6f6", CRM_STAGE_PROGRESS },
  { "negotiation",   "Negociação",   "#ffa900", CRM_STAGE_PROGRESS },
  { "contract",      "Contrato",     "#9d7fe0", CRM_STAGE_PROGRESS },
  { "won",           "Ganho",        "#7bd500", CRM_STAGE_SUCCESS },
  { "lost",          "Perdido",      "#ff5752", CRM_STAGE_FAILURE },
};

/* ---- People --------------------------------------------------------------- */

typedef struct
{
  const char *name;
  gboolean    female;
} DemoFirstName;

static const DemoFirstName demo_first_names[] = {
  { "João", FALSE }, { "José", FALSE }, { "Antônio", FALSE }, { "Francisco", FALSE },
  { "Carlos", FALSE }, { "Paulo", FALSE }, { "Pedro", FALSE }, { "Lucas", FALSE },
  { "Luiz", FALSE }, { "Marcos", FALSE }, { "Gabriel", FALSE }, { "Rafael", FALSE },
  { "Daniel", FALSE }, { "Marcelo", FALSE }, { "Bruno", FALSE }, { "Eduardo", FALSE },
  { "Felipe", FALSE }, { "Rodrigo", FALSE }, { "Sérgio", FALSE }, { "Fábio", FALSE },
  { "Vinícius", FALSE }, { "Otávio", FALSE }, { "Caio", FALSE }, { "Heitor", FALSE },
  { "Maria", TRUE }, { "Ana", TRUE }, { "Francisca", TRUE }, { "Antônia", TRUE },
  { "Adriana", TRUE }, { "Juliana", TRUE }, { "Márcia", TRUE }, { "Fernanda", TRUE },
  { "Patrícia", TRUE }, { "Aline", TRUE }, { "Sandra", TRUE }, { "Camila", TRUE },
  { "Letícia", TRUE }, { "Conceição", TRUE }, { "Luíza", TRUE }, { "Débora", TRUE },
  { "Tatiane", TRUE }, { "Vitória", TRUE }, { "Cecília", TRUE }, { "Lúcia", TRUE },
  { "Sônia", TRUE }, { "Gabriela", TRUE }, { "Renata", TRUE }, { "Cláudia", TRUE },
};

/* Second given names: "Maria Eduarda", "João Pedro". */
static const char *const demo_second_names_male[] = {
  "Pedro", "Paulo", "Carlos", "Henrique", "Vítor", "Augusto", "Miguel",
};
static const char *const demo_second_names_female[] = {
  "Eduarda", "Clara", "Fernanda", "Cristina", "Luísa", "Helena", "Aparecida",
};

static const char *const demo_last_names[] = {
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves",
  "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho",
  "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha",
  "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado",
  "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira",
  "Araújo", "Conceição", "Magalhães", "Guimarães", "Brandão", "Cavalcanti",
  "Albuquerque", "Siqueira", "Monteiro", "Assunção", "Falcão", "Simões",
  "Bezerra", "Peixoto", "Damasceno",
};

typedef struct
{
  const char *male;
  const char *female;
} DemoPosition;

static const DemoPosition demo_positions[] = {
  { "Diretor financeiro", "Diretora financeira" },
  { "Gerente de compras", "Gerente de compras" },
  { "Coordenador de TI", "Coordenadora de TI" },
  { "Analista de suprimentos", "Analista de suprimentos" },
  { "Sócio-diretor", "Sócia-diretora" },
  { "Diretor-presidente", "Diretora-presidente" },
  { "Gerente comercial", "Gerente comercial" },
  { "Supervisor administrativo", "Supervisora administrativa" },
  { "Engenheiro de produção", "Engenheira de produção" },
  { "Controller", "Controller" },
  { "Assistente de compras", "Assistente de compras" },
  { "Gerente de operações", "Gerente de operações" },
  { "Diretor de RH", "Diretora de RH" },
  { "Advogado", "Advogada" },
  { "Contador", "Contadora" },
  { "Comprador", "Compradora" },
  { "Gerente de projetos", "Gerente de projetos" },
  { "Analista financeiro", "Analista financeira" },
};

static const char *const demo_personal_mail[] = {
  "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br",
  "bol.com.br", "terra.com.br",
};

/* ---- Places --------------------------------------------------------------- */

typedef struct
{
  const char *city;
  const char *region;
  const char *area_code;      /* DDD */
  const char *postal_prefix;  /* first two digits of the CEP */
  const char *districts[3];
} DemoCity;

static const DemoCity demo_cities[] = {
  { "São Paulo", "SP", "11", "04", { "Pinheiros", "Vila Olímpia", "Moema" } },
  { "São Paulo", "SP", "11", "01", { "Bela Vista", "Consolação", "Santa Cecília" } },
  { "Campinas", "SP", "19", "13", { "Cambuí", "Barão Geraldo", "Taquaral" } },
  { "Ribeirão Preto", "SP", "16", "14", { "Jardim Irajá", "Ribeirânia", "Centro" } },
  { "Rio de Janeiro", "RJ", "21", "22", { "Botafogo", "Barra da Tijuca", "Centro" } },
  { "Niterói", "RJ", "21", "24", { "Icaraí", "Ingá", "Santa Rosa" } },
  { "Belo Horizonte", "MG", "31", "30", { "Savassi", "Funcionários", "Pampulha" } },
  { "Uberlândia", "MG", "34", "38", { "Santa Mônica", "Centro", "Tibery" } },
  { "Curitiba", "PR", "41", "80", { "Batel", "Água Verde", "Centro Cívico" } },
  { "Londrina", "PR", "43", "86", { "Gleba Palhano", "Centro", "Higienópolis" } },
  { "Porto Alegre", "RS", "51", "90", { "Moinhos de Vento", "Menino Deus", "Cidade Baixa" } },
  { "Caxias do Sul", "RS", "54", "95", { "São Pelegrino", "Centro", "Exposição" } },
  { "Florianópolis", "SC", "48", "88", { "Centro", "Trindade", "Itacorubi" } },
  { "Joinville", "SC", "47", "89", { "América", "Glória", "Centro" } },
  { "Recife", "PE", "81", "51", { "Boa Viagem", "Casa Forte", "Recife Antigo" } },
  { "Salvador", "BA", "71", "41", { "Pituba", "Caminho das Árvores", "Barra" } },
  { "Fortaleza", "CE", "85", "60", { "Aldeota", "Meireles", "Cocó" } },
  { "Natal", "RN", "84", "59", { "Ponta Negra", "Tirol", "Petrópolis" } },
  { "Goiânia", "GO", "62", "74", { "Setor Bueno", "Setor Marista", "Jardim Goiás" } },
  { "Brasília", "DF", "61", "70", { "Asa Sul", "Asa Norte", "Lago Sul" } },
  { "Vitória", "ES", "27", "29", { "Praia do Canto", "Enseada do Suá", "Jardim Camburi" } },
  { "Manaus", "AM", "92", "69", { "Adrianópolis", "Ponta Negra", "Centro" } },
  { "Belém", "PA", "91", "66", { "Nazaré", "Umarizal", "Batista Campos" } },
};

static const char *const demo_streets[] = {
  "Rua Augusta", "Avenida Paulista", "Rua das Flores", "Avenida Brasil",
  "Rua XV de Novembro", "Avenida Getúlio Vargas", "Rua Sete de Setembro",
  "Rua Dom Pedro II", "Avenida Presidente Vargas", "Rua Barão do Rio Branco",
  "Avenida Santos Dumont", "Rua Tiradentes", "Rua Marechal Deodoro",
  "Avenida Independência", "Rua José Bonifácio", "Rua Rui Barbosa",
  "Avenida Beira-Mar", "Rua Padre Anchieta", "Rua Visconde de Mauá",
  "Alameda Santos", "Rua Voluntários da Pátria", "Avenida João Pessoa",
};

static const char *const demo_complements[] = {
  "Sala 1204", "Conjunto 52", "Galpão 3", "8º andar", "Bloco B", "Loja 2",
  "Sala 305", "Térreo",
};

/* ---- Companies ------------------------------------------------------------ */

typedef struct
{
  const char *before;     /* the name is before + a word of demo_company_words + after */
  const char *after;
  const char *industry;   /* item key of the industry list */
  gboolean    legal;      /* takes a "Ltda." or "S.A." */
} DemoCompanyKind;

static const DemoCompanyKind demo_company_kinds[] = {
  { "Metalúrgica ", "", "manufacturing", TRUE },
  { "Indústria Têxtil ", "", "manufacturing", TRUE },
  { "Plásticos ", "", "manufacturing", TRUE },
  { "Móveis ", "", "manufacturing", TRUE },
  { "Agropecuária ", "", "agribusiness", TRUE },
  { "Cooperativa Agrícola ", "", "agribusiness", FALSE },
  { "Usina ", " Açúcar e Etanol", "agribusiness", TRUE },
  { "Tecnologia ", " Sistemas", "it", FALSE },
  { "", " Software", "it", TRUE },
  { "", " Tecnologia", "it", TRUE },
  { "", " Telecom", "telecom", TRUE },
  { "", " Fibra Óptica", "telecom", TRUE },
  { "Transportadora ", "", "logistics", TRUE },
  { "", " Logística", "logistics", TRUE },
  { "Supermercados ", "", "retail", TRUE },
  { "Distribuidora ", "", "retail", TRUE },
  { "Lojas ", "", "retail", TRUE },
  { "Clínica ", "", "health", FALSE },
  { "Laboratório ", "", "health", TRUE },
  { "Hospital ", "", "health", FALSE },
  { "Colégio ", "", "education", FALSE },
  { "Faculdade ", "", "education", FALSE },
  { "", " Consultoria Empresarial", "consulting", FALSE },
  { "", " Contabilidade", "consulting", TRUE },
  { "", " Investimentos", "banking", TRUE },
  { "Cooperativa de Crédito ", "", "banking", FALSE },
  { "Companhia de Saneamento ", "", "government", FALSE },
  { "Construtora ", "", "other", TRUE },
  { "", " Engenharia", "other", TRUE },
  { "Hotel ", "", "other", FALSE },
};

static const char *const demo_company_words[] = {
  "Paulista", "Vale Verde", "Ipê", "Araucária", "Horizonte", "Atlântico",
  "Serra Azul", "Bandeirantes", "Guanabara", "Pampa", "Cerrado", "Jequitibá",
  "Sol Nascente", "Três Rios", "Boa Vista", "Itapuã", "Mantiqueira",
  "Pantanal", "Tropical", "Aurora", "Nova Era", "Capibaribe", "Tietê",
  "Iguaçu", "Carioca", "Mineira", "Gaúcha", "Potiguar", "Sabará",
  "Santa Cruz", "Jacarandá", "Beira-Rio", "Maracanã", "Juriti", "Cajueiro",
};

static const char *const demo_legal_suffixes[] = { "Ltda.", "Ltda.", "Ltda.", "S.A.", "ME" };

static const char *const demo_company_types[] = {
  "customer", "customer", "customer", "customer", "customer", "customer",
  "partner", "supplier", "competitor", "other",
};

static const char *const demo_employee_ranges[] = { "lt50", "50_250", "250_500", "gt500" };

static const char *const demo_sources[] = {
  "call", "email", "website", "website", "advertising", "partner", "existing",
  "referral", "referral", "trade_show", "social", "other",
};

static const char *const demo_source_notes[] = {
  "Indicação de um cliente antigo.",
  "Conheceu a empresa na Feira da Indústria em São Paulo.",
  "Preencheu o formulário de contato do site.",
  "Veio pela campanha de anúncios do Google.",
  "Parceiro de revenda de Curitiba.",
  "Encontro no evento da Associação Comercial.",
  "Seguiu a página no LinkedIn e pediu contato.",
  "Ligou depois de ver o anúncio na rádio.",
};

static const char *const demo_company_notes[] = {
  "Cliente exige boleto com vencimento no dia 10.",
  "Compras centralizadas na matriz; filiais não decidem.",
  "Prefere reuniões presenciais às sextas-feiras.",
  "Renovação anual do contrato em março.",
  "Atenção: processo de homologação de fornecedores demora 60 dias.",
  "Grupo familiar, decisão final com o fundador.",
};

/* ---- Deals, quotes, invoices ---------------------------------------------- */

typedef struct
{
  const char *title;
  guint       min_reais;
  guint       max_reais;
  const char *deal_type;   /* item key of the deal type list */
  gboolean    corporate;   /* belongs in "Projetos corporativos" */
} DemoService;

static const DemoService demo_services[] = {
  { "Licenças de software", 8000, 120000, "sale", FALSE },
  { "Consultoria tributária", 15000, 90000, "services", FALSE },
  { "Manutenção preventiva", 2000, 25000, "after_sales", FALSE },
  { "Fornecimento de insumos", 5000, 80000, "goods", FALSE },
  { "Treinamento de equipe", 2000, 18000, "services", FALSE },
  { "Renovação de contrato anual", 10000, 150000, "after_sales", FALSE },
  { "Equipamentos de rede", 12000, 200000, "goods", FALSE },
  { "Suporte técnico 24x7", 6000, 60000, "after_sales", FALSE },
  { "Mobiliário corporativo", 9000, 95000, "goods", FALSE },
  { "Campanha de marketing digital", 4000, 45000, "services", FALSE },
  { "Auditoria contábil", 20000, 70000, "services", FALSE },
  { "Implantação de ERP", 60000, 450000, "complex", TRUE },
  { "Projeto de automação industrial", 80000, 450000, "complex", TRUE },
  { "Migração para nuvem", 25000, 220000, "complex", TRUE },
  { "Plano de saúde empresarial", 30000, 300000, "sale", TRUE },
  { "Locação de frota de veículos", 40000, 400000, "sale", TRUE },
  { "Reestruturação logística", 50000, 350000, "complex", TRUE },
  { "Segurança da informação e LGPD", 30000, 180000, "services", TRUE },
};

static const char *const demo_quote_terms[] = {
  "Pagamento em 30/60/90 dias via boleto. Preços com impostos inclusos.",
  "Pagamento à vista com 5% de desconto ou em 3 parcelas sem juros.",
  "Entrega em até 20 dias úteis após o pedido. Frete CIF.",
  "Validade de 15 dias. Reajuste anual pelo IPCA.",
};

static const char *const demo_payment_methods[] = {
  "pix", "pix", "boleto", "boleto", "boleto", "transfer", "card",
};

/* ---- Leads ------------------------------------------------------------------ */

/* Followed by a service, in lower case: "Interesse em implantação de ERP". */
static const char *const demo_lead_titles[] = {
  "Pedido de orçamento: ",
  "Interesse em ",
  "Contato pelo site: ",
  "Solicitação de demonstração: ",
  "Cotação urgente: ",
};

/* ---- Timelines -------------------------------------------------------------- */

static const char *const demo_comments[] = {
  "Cliente pediu desconto de 5% para fechar ainda este mês.",
  "Enviei a proposta revisada por e-mail.",
  "Aguardando aprovação da diretoria financeira.",
  "O comprador entra de férias na semana que vem; falar com o substituto.",
  "Concorrente ofereceu preço 10% menor, mas sem suporte local.",
  "Cliente gostou da demonstração, quer ver o módulo fiscal.",
  "Precisam da nota fiscal com o CNPJ da filial, não da matriz.",
  "Reunião remarcada para quinta-feira às 14h.",
  "O jurídico do cliente está revisando o contrato.",
  "Pediram referências de outros clientes do setor.",
  "Orçamento aprovado, falta só a assinatura.",
  "Cliente reclamou do prazo de entrega da última compra.",
  "Mandar amostras para a fábrica de Joinville.",
  "Decisor é o sócio-diretor; o gerente só faz a triagem.",
  "Verba liberada apenas no próximo trimestre.",
  "Cliente quer parcelar em 6 vezes no boleto.",
  "Confirmado o pagamento da primeira parcela via Pix.",
  "Pediram visita técnica antes de fechar.",
  "Cadastro de fornecedor concluído no portal do cliente.",
  "Sem retorno há duas semanas; tentar pelo WhatsApp.",
  "Enviei o comparativo de custos com a solução atual.",
  "Cliente pediu para incluir treinamento de 8 horas.",
  "Liguei e deixei recado com a secretária.",
  "Ficou de enviar o pedido de compra até sexta.",
  "Precisa de aprovação do conselho, reunião mensal no dia 20.",
  "Ajustei a proposta para 12 meses de contrato.",
  "Cliente satisfeito com o atendimento do suporte.",
  "Renovação automática prevista no contrato; avisar 30 dias antes.",
  "Pediram a certidão negativa de débitos atualizada.",
  "Solicitaram frete CIF para a entrega em Manaus.",
  "A licitação foi adiada para o mês que vem.",
  "Passei o contato para a equipe de pré-vendas.",
  "Cliente vai comparar com mais dois fornecedores.",
  "Fechamos o escopo; agora é com o financeiro deles.",
  "Pediram reajuste pelo IPCA em vez do IGP-M.",
  "Enviei o contrato para assinatura digital.",
  "Cliente comentou que o orçamento deste ano foi cortado.",
  "Novo gerente de compras assumiu; agendar apresentação.",
  "Cliente indicou a empresa de um parceiro em Recife.",
  "Boleto enviado com vencimento para o dia 15.",
  "Marcar almoço com o diretor na próxima visita a Curitiba.",
  "Proposta perdida por preço; manter contato para o ano que vem.",
};

static const char *const demo_call_outcomes[] = {
  "cliente interessado",
  "pediu retorno na próxima semana",
  "caixa postal, deixei recado",
  "agendou reunião para apresentação",
  "sem interesse no momento",
  "solicitou nova proposta",
  "tirou dúvidas sobre o contrato",
  "confirmou o recebimento do boleto",
  "pediu para falar com o financeiro",
  "vai consultar a diretoria",
};

static const char *const demo_email_subjects[] = {
  "Proposta comercial atualizada",
  "Re: Dúvidas sobre o contrato",
  "Envio de boleto",
  "Agendamento de reunião",
  "Apresentação institucional",
  "Re: Prazo de entrega",
  "Nota fiscal em anexo",
  "Confirmação de pedido",
  "Follow-up da nossa conversa",
  "Fwd: Especificações técnicas",
  "Re: Condições de pagamento",
  "Convite: demonstração online",
  "Minuta do contrato para revisão",
  "Re: Cotação solicitada",
  "Comprovante de pagamento",
};

static const char *const demo_meetings[] = {
  "Reunião: apresentação da proposta",
  "Visita técnica às instalações do cliente",
  "Videochamada de alinhamento",
  "Demonstração do sistema",
  "Almoço de negócios com a diretoria",
  "Reunião de kickoff do projeto",
  "Reunião de negociação de preço",
  "Visita ao estande na feira",
};

static const char *const demo_messages[] = {
  "WhatsApp: cliente confirmou o recebimento da proposta.",
  "WhatsApp: pediu para ligar depois das 16h.",
  "WhatsApp: enviou foto do pedido de compra assinado.",
  "Telegram: perguntou sobre o prazo de instalação.",
  "WhatsApp: agradeceu o atendimento de ontem.",
  "WhatsApp: mandou a localização para a visita.",
};

static const char *const demo_months[] = {
  "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
  "agosto", "setembro", "outubro", "novembro", "dezembro",
};

/* Contact types of people who work at a company of the CRM. */
static const char *const demo_contact_types[] = {
  "client", "client", "client", "client", "client", "client", "client",
  "partner", "supplier",
};

/* What a quote lists after the service itself. */
static const char *const demo_quote_extras[] = {
  "1 × Implantação e configuração",
  "1 × Treinamento da equipe (8 h)",
  "12 × Suporte mensal",
  "1 × Frete e instalação",
};
