"""AI and machine-learning API keys (patterns/ai.json).

Prefixed keys (OpenAI, Anthropic, Groq, Hugging Face, Replicate, xAI, ...)
are recognised by their prefix and length alone; keys without a prefix
(Cohere, Mistral, DeepSeek, Kagi, ...) only next to a key name that names
the provider.
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("ai")

_fake = Fakes(R)
_alnum, _hex, _b64url = _fake.alnum, _fake.hex, _fake.b64url


def openai_legacy():
    return "sk-" + _alnum(20) + "T3BlbkFJ" + _alnum(20)


def openai_scoped(kind):
    return "sk-%s-%s" % (kind, _b64url(74) + "T3BlbkFJ" + _b64url(74))


def anthropic(kind="api03"):
    return "sk-ant-%s-%s" % (kind, _b64url(93)) + "AA"


def add_rules():
    openai_refs = ["https://platform.openai.com/docs/api-reference/authentication",
                   "https://help.openai.com/en/articles/9186755-managing-your-work-in-the-api-platform-with-projects"]
    rule("openai.api-key", "OpenAI API key (user key)", "high",
         r"\b(?<secret>sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})\b",
         ["OPENAI_API_KEY=%s" % openai_legacy(),
          'curl https://api.openai.com/v1/models -H "Authorization: Bearer %s"' % openai_legacy(),
          '{"openai": {"api_key": "%s", "note": "hush test"}}' % openai_legacy()],
         ["OPENAI_API_KEY=sk-%s" % _alnum(48),
          "OPENAI_API_KEY=%s" % openai_legacy()[:45],
          "OPENAI_API_KEY=sk-...T3BlbkFJ..."],
         openai_refs)
    rule("openai.api-key.in-context", "OpenAI API key (legacy form, OpenAI named nearby)", "medium",
         r"(?i:openai)[^\r\n]{0,120}?\b(?<secret>sk-[A-Za-z0-9]{48})\b",
         ["OPENAI_API_KEY=sk-%s" % _alnum(48),
          'curl https://api.openai.com/v1/models -H "Authorization: Bearer sk-%s"' % _alnum(48)],
         ["OPENAI_API_KEY=sk-%s" % _alnum(40),
          "STABILITY_KEY=sk-%s" % _alnum(48),
          "OPENAI_API_KEY=sk-<your-key>"],
         openai_refs)
    for kind, rid, name in (("proj", "openai.project-key", "OpenAI project API key"),
                            ("svcacct", "openai.service-account-key", "OpenAI service account key"),
                            ("admin", "openai.admin-key", "OpenAI admin API key")):
        rule(rid, name, "high",
             r"\b(?<secret>sk-" + kind + r"-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})",
             ["OPENAI_API_KEY=%s" % openai_scoped(kind),
              "client = OpenAI(api_key=\"%s\")  # hush test" % openai_scoped(kind),
              '-H "Authorization: Bearer %s"' % openai_scoped(kind)],
             ["OPENAI_API_KEY=sk-%s-<your key>" % kind,
              "OPENAI_API_KEY=sk-%s-%s" % (kind, _b64url(156)),
              "OPENAI_API_KEY=sk-%s-T3BlbkFJ" % kind],
             openai_refs + (["https://platform.openai.com/docs/api-reference/administration"]
                            if kind == "admin" else []))

    anthropic_refs = ["https://docs.anthropic.com/en/api/getting-started"]
    rule("anthropic.api-key", "Anthropic API key", "high",
         r"\b(?<secret>sk-ant-api[0-9]{2}-[A-Za-z0-9_-]{93}AA)",
         ["ANTHROPIC_API_KEY=%s" % anthropic(),
          'curl https://api.anthropic.com/v1/messages -H "x-api-key: %s"' % anthropic(),
          '{"anthropic_api_key": "%s"}' % anthropic()],
         ["ANTHROPIC_API_KEY=sk-ant-api03-...",
          "ANTHROPIC_API_KEY=%s" % anthropic()[:90],
          "ANTHROPIC_API_KEY=sk-ant-xyz03-%sAA" % _b64url(93)],
         anthropic_refs)
    rule("anthropic.admin-key", "Anthropic Admin API key", "high",
         r"\b(?<secret>sk-ant-admin[0-9]{2}-[A-Za-z0-9_-]{93}AA)",
         ["ANTHROPIC_ADMIN_KEY=%s" % anthropic("admin01"),
          '-H "x-api-key: %s" https://api.anthropic.com/v1/organizations/users' % anthropic("admin01")],
         ["ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<key>",
          "ANTHROPIC_ADMIN_KEY=%s" % anthropic("admin01")[:60]],
         ["https://docs.anthropic.com/en/api/administration-api"])

    rule("groq.api-key", "Groq API key", "high",
         r"\b(?<secret>gsk_[A-Za-z0-9]{52})\b",
         ["GROQ_API_KEY=gsk_%s" % _alnum(52),
          'client = Groq(api_key="gsk_%s")' % _alnum(52),
          '{"groq": {"apiKey": "gsk_%s"}}' % _alnum(52)],
         ["GROQ_API_KEY=gsk_%s" % _alnum(40),
          "GROQ_API_KEY=gsk_<your-key>",
          "gsk_%s_suffix" % _alnum(52)],
         ["https://console.groq.com/docs/quickstart"])

    hf_refs = ["https://huggingface.co/docs/hub/security-tokens"]
    rule("huggingface.access-token", "Hugging Face user access token", "high",
         r"\b(?<secret>hf_[A-Za-z0-9]{34})\b",
         ["HF_TOKEN=hf_%s" % fakes._choose(R, fakes.string.ascii_letters, 34),
          "huggingface-cli login --token hf_%s" % fakes._choose(R, fakes.string.ascii_letters, 34),
          '-H "Authorization: Bearer hf_%s"' % fakes._choose(R, fakes.string.ascii_letters, 34)],
         ["HF_TOKEN=hf_%s" % fakes._choose(R, fakes.string.ascii_letters, 30),
          "HF_TOKEN=hf_<token>",
          "model_path = 'hf_%s_v2'" % fakes._choose(R, fakes.string.ascii_letters, 34)],
         hf_refs)
    rule("huggingface.org-token", "Hugging Face organization API token (legacy)", "high",
         r"\b(?<secret>api_org_[A-Za-z0-9]{34})\b",
         ["HUGGINGFACE_ORG_TOKEN=api_org_%s" % fakes._choose(R, fakes.string.ascii_letters, 34),
          '{"hf_org_token": "api_org_%s"}' % fakes._choose(R, fakes.string.ascii_letters, 34)],
         ["api_org_%s" % fakes._choose(R, fakes.string.ascii_letters, 20),
          "api_org_settings_table"],
         hf_refs)

    rule("jina.api-key", "Jina AI (Search Foundation) API key", "high",
         r"\b(?<secret>jina_[A-Za-z0-9_-]{60})",
         ["JINA_API_KEY=jina_%s" % (_hex(32) + _b64url(28)),
          'curl https://r.jina.ai/https://contoso.com -H "Authorization: Bearer jina_%s"' % (_hex(32) + _b64url(28))],
         ["JINA_API_KEY=jina_%s" % _hex(32),
          "jina_<your-api-key>",
          "import jina_embeddings_module_for_hush_test_only"],
         ["https://jina.ai/embeddings/", "https://jina.ai/reader/"])

    rule("tavily.api-key", "Tavily API key", "high",
         r"\b(?<secret>tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})\b",
         ["TAVILY_API_KEY=tvly-%s" % _alnum(32),
          'tavily_client = TavilyClient(api_key="tvly-dev-%s")' % _alnum(32),
          '{"api_key": "tvly-%s", "query": "hush test"}' % _alnum(32)],
         ["TAVILY_API_KEY=tvly-YOUR_API_KEY",
          "TAVILY_API_KEY=tvly-%s" % _alnum(20),
          "tvly-%s" % _alnum(40)],
         ["https://docs.tavily.com/documentation/quickstart",
          "https://docs.tavily.com/documentation/api-reference/endpoint/search"])

    firecrawl_refs = ["https://docs.firecrawl.dev/introduction"]
    rule("firecrawl.api-key", "Firecrawl API key (Firecrawl named nearby)", "high",
         r"(?i:firecrawl)[^\r\n]{0,80}?\b(?<secret>fc-[0-9a-f]{32})\b",
         ["FIRECRAWL_API_KEY=fc-%s" % _hex(32),
          'app = FirecrawlApp(api_key="fc-%s")' % _hex(32),
          'curl https://api.firecrawl.dev/v1/scrape -H "Authorization: Bearer fc-%s"' % _hex(32)],
         ["FIRECRAWL_API_KEY=fc-YOUR_API_KEY",
          "FIRECRAWL_API_KEY=fc-%s" % _hex(24),
          "FIRECRAWL_API_KEY=fc-%s" % _alnum(32).upper()],
         firecrawl_refs)
    rule("firecrawl.api-key.bare", "Firecrawl API key", "medium",
         r"\b(?<secret>fc-[0-9a-f]{32})\b",
         ['scrape(url, key="fc-%s")' % _hex(32),
          '-H "Authorization: Bearer fc-%s"' % _hex(32)],
         ["key=fc-%s" % _hex(24),
          "fc-%s" % _alnum(32).upper()],
         firecrawl_refs)

    def kagi():
        return _b64url(11) + "." + _b64url(43)
    rule("kagi.api-token", "Kagi API token", "medium",
         r"(?:(?i:kagi)[^\r\n]{0,64}?(?:\b|[=\"' ])|\bBot[ \t]{1,4})(?<secret>[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{43})\b",
         ["KAGI_API_KEY='%s'" % kagi(),
          "https://kagi.com/search?token=%s&q=hush+test" % kagi(),
          'curl -H "Authorization: Bot %s" https://kagi.com/api/v0/search?q=hush' % kagi()],
         ["%s" % kagi(),
          "KAGI_API_KEY='%s'" % kagi()[:40],
          "kagi search for hush test, nothing else"],
         ["https://help.kagi.com/kagi/api/intro/auth.html"])

    rule("cohere.api-key", "Cohere API key", "medium",
         provider_key(r"\bco_api_key|cohere[a-z0-9_.-]{0,24}?(?:key|token)") +
         r"(?<secret>[A-Za-z0-9]{40})\b",
         ["CO_API_KEY=%s" % _alnum(40),
          "COHERE_API_KEY='%s'" % _alnum(40),
          '{"cohereApiKey": "%s"}' % _alnum(40)],
         ["COHERE_API_KEY=%s" % _alnum(32),
          "COHERE_API_KEY=<your-key>",
          "api_key = '%s'  # hush test, provider unknown" % _alnum(40)],
         ["https://docs.cohere.com/reference/about"])

    rule("mistral.api-key", "Mistral AI API key", "medium",
         provider_key(r"mistral[a-z0-9_.-]{0,24}?(?:key|token)") + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["MISTRAL_API_KEY=%s" % _alnum(32),
          '{"mistral_api_key": "%s"}' % _alnum(32),
          "mistral.api_key = '%s'" % _alnum(32)],
         ["MISTRAL_API_KEY=%s" % _alnum(28),
          "MISTRAL_MODEL=mistral-large-latest",
          "api_key=%s" % _alnum(32)],
         ["https://docs.mistral.ai/getting-started/quickstart/"])

    rule("deepseek.api-key", "DeepSeek API key", "medium",
         r"(?i:deepseek)[^\r\n]{0,100}?\b(?<secret>sk-[0-9a-f]{32})\b",
         ["DEEPSEEK_API_KEY=sk-%s" % _hex(32),
          'DEEPSEEK = OpenAI(base_url="https://api.deepseek.com", api_key="sk-%s")' % _hex(32)],
         ["DEEPSEEK_API_KEY=sk-%s" % _hex(24),
          "OPENAI_API_KEY=sk-%s" % _hex(32),
          "DEEPSEEK_API_KEY=sk-<your-key>"],
         ["https://api-docs.deepseek.com/"])

    rule("replicate.api-token", "Replicate API token", "high",
         r"\b(?<secret>r8_[A-Za-z0-9]{37})\b",
         ["REPLICATE_API_TOKEN=r8_%s" % _alnum(37),
          '-H "Authorization: Bearer r8_%s" https://api.replicate.com/v1/predictions' % _alnum(37)],
         ["REPLICATE_API_TOKEN=r8_%s" % _alnum(20),
          "REPLICATE_API_TOKEN=r8_<paste-token>"],
         ["https://replicate.com/docs/topics/security/api-tokens"])

    rule("perplexity.api-key", "Perplexity API key", "high",
         r"\b(?<secret>pplx-[A-Za-z0-9]{48})\b",
         ["PERPLEXITY_API_KEY=pplx-%s" % _alnum(48),
          'curl https://api.perplexity.ai/chat/completions -H "Authorization: Bearer pplx-%s"' % _alnum(48)],
         ["PERPLEXITY_API_KEY=pplx-%s" % _alnum(30),
          "PERPLEXITY_API_KEY=pplx-<key>"],
         ["https://docs.perplexity.ai/guides/getting-started"])

    rule("xai.api-key", "xAI (Grok) API key", "high",
         r"\b(?<secret>xai-[A-Za-z0-9]{80})\b",
         ["XAI_API_KEY=xai-%s" % _alnum(80),
          'curl https://api.x.ai/v1/chat/completions -H "Authorization: Bearer xai-%s"' % _alnum(80)],
         ["XAI_API_KEY=xai-%s" % _alnum(40),
          "XAI_API_KEY=xai-<your-key>"],
         ["https://docs.x.ai/docs/overview"])

    rule("openrouter.api-key", "OpenRouter API key", "high",
         r"\b(?<secret>sk-or-v1-[0-9a-f]{64})\b",
         ["OPENROUTER_API_KEY=sk-or-v1-%s" % _hex(64),
          '{"apiKey": "sk-or-v1-%s", "baseURL": "https://openrouter.ai/api/v1"}' % _hex(64)],
         ["OPENROUTER_API_KEY=sk-or-v1-%s" % _hex(40),
          "OPENROUTER_API_KEY=sk-or-v1-<key>"],
         ["https://openrouter.ai/docs/api-reference/authentication"])

    rule("langsmith.api-key", "LangSmith (LangChain) API key", "high",
         r"\b(?<secret>lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10})\b",
         ["LANGSMITH_API_KEY=lsv2_pt_%s_%s" % (_hex(32), _hex(10)),
          'LANGCHAIN_API_KEY="lsv2_sk_%s_%s"' % (_hex(32), _hex(10))],
         ["LANGSMITH_API_KEY=lsv2_pt_...",
          "LANGSMITH_API_KEY=lsv2_pt_%s" % _hex(32)],
         ["https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key"])

    rule("pinecone.api-key", "Pinecone API key", "high",
         r"\b(?<secret>pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80})\b",
         ["PINECONE_API_KEY=pcsk_%s_%s" % (_alnum(6), _alnum(63)),
          "pc = Pinecone(api_key='pcsk_%s_%s')" % (_alnum(5), _alnum(63))],
         ["PINECONE_API_KEY=pcsk_...",
          "PINECONE_API_KEY=pcsk_%s_%s" % (_alnum(6), _alnum(20))],
         ["https://docs.pinecone.io/guides/projects/manage-api-keys"])

    rule("together.api-key", "Together AI API key", "high",
         r"\b(?<secret>tgp_v1_[A-Za-z0-9_-]{43})",
         ["TOGETHER_API_KEY=tgp_v1_%s" % _b64url(43),
          '-H "Authorization: Bearer tgp_v1_%s" https://api.together.xyz/v1/models' % _b64url(43)],
         ["TOGETHER_API_KEY=tgp_v1_<key>",
          "TOGETHER_API_KEY=tgp_v1_%s" % _b64url(20)],
         ["https://docs.together.ai/docs/api-keys-authentication"])

    rule("elevenlabs.api-key", "ElevenLabs API key", "medium",
         r"\b(?<secret>sk_[0-9a-f]{48})\b",
         ["ELEVENLABS_API_KEY=sk_%s" % _hex(48),
          'curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: sk_%s"' % _hex(48)],
         ["ELEVENLABS_API_KEY=sk_%s" % _hex(32),
          "STRIPE_KEY=sk_test_%s" % _alnum(24)],
         ["https://elevenlabs.io/docs/api-reference/authentication"])

    rule("wandb.api-key", "Weights & Biases API key", "medium",
         r"(?:" + provider_key(r"wandb[a-z0-9_.-]{0,16}?(?:key|token)") +
         r"|api\.wandb\.ai[ \t]{1,8}login[ \t]{1,8}[^ \t\r\n]{1,64}[ \t]{1,8}password[ \t]{1,8})"
         r"(?<secret>[0-9a-f]{40})\b",
         ["WANDB_API_KEY=%s" % _hex(40),
          "machine api.wandb.ai login user password %s" % _hex(40),
          '{"wandb_key": "%s"}' % _hex(40)],
         ["WANDB_API_KEY=%s" % _hex(32),
          "WANDB_PROJECT=hush-test",
          "commit %s" % _hex(40)],
         ["https://docs.wandb.ai/guides/track/environment-variables/"])

    rule("assemblyai.api-key", "AssemblyAI API key", "medium",
         provider_key(r"assembly_?ai[a-z0-9_.-]{0,16}?(?:key|token)") + r"(?<secret>[0-9a-f]{32})\b",
         ["ASSEMBLYAI_API_KEY=%s" % _hex(32),
          '{"assemblyAiKey": "%s"}' % _hex(32)],
         ["ASSEMBLYAI_API_KEY=%s" % _hex(20),
          "ASSEMBLYAI_API_KEY=<key>"],
         ["https://www.assemblyai.com/docs/api-reference/overview"])

    rule("deepgram.api-key", "Deepgram API key", "medium",
         provider_key(r"deepgram[a-z0-9_.-]{0,16}?(?:key|token|secret)") + r"(?<secret>[0-9a-f]{40})\b",
         ["DEEPGRAM_API_KEY=%s" % _hex(40),
          '{"deepgram_api_key": "%s"}' % _hex(40)],
         ["DEEPGRAM_API_KEY=%s" % _hex(32),
          "DEEPGRAM_MODEL=nova-2"],
         ["https://developers.deepgram.com/reference/authentication"])

    rule("nvidia.api-key", "NVIDIA API catalog (NIM) API key", "high",
         r"\b(?<secret>nvapi-[A-Za-z0-9_-]{64})",
         ["NVIDIA_API_KEY=nvapi-%s" % _b64url(64),
          'client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="nvapi-%s")' % _b64url(64)],
         ["NVIDIA_API_KEY=nvapi-...",
          "NVIDIA_API_KEY=nvapi-%s" % _b64url(30)],
         ["https://docs.api.nvidia.com/nim/reference/llm-apis"])
    rule("cerebras.api-key", "Cerebras Inference API key", "high",
         r"\b(?<secret>csk-[a-z0-9]{48})\b",
         ["CEREBRAS_API_KEY=csk-%s" % fakes._choose(R, LOWER_ALNUM, 48),
          'curl https://api.cerebras.ai/v1/models -H "Authorization: Bearer csk-%s"' % fakes._choose(R, LOWER_ALNUM, 48)],
         ["CEREBRAS_API_KEY=csk-...",
          "CEREBRAS_API_KEY=csk-%s" % fakes._choose(R, LOWER_ALNUM, 30)],
         ["https://inference-docs.cerebras.ai/quickstart"])
    rule("llamacloud.api-key", "LlamaCloud (LlamaParse) API key", "high",
         r"\b(?<secret>llx-[A-Za-z0-9]{48})\b",
         ["LLAMA_CLOUD_API_KEY=llx-%s" % _alnum(48),
          'parser = LlamaParse(api_key="llx-%s", result_type="markdown")' % _alnum(48)],
         ["LLAMA_CLOUD_API_KEY=llx-...",
          "LLAMA_CLOUD_API_KEY=llx-%s" % _alnum(24)],
         ["https://docs.cloud.llamaindex.ai/api_key"])
    rule("voyage.api-key", "Voyage AI API key", "medium",
         r"(?i:voyage)[^\r\n]{0,64}?\b(?<secret>pa-[A-Za-z0-9_-]{43})",
         ["VOYAGE_API_KEY=pa-%s" % _b64url(43),
          'vo = voyageai.Client(api_key="pa-%s")' % _b64url(43)],
         ["VOYAGE_API_KEY=pa-your-voyage-key",
          "pa-%s" % _b64url(43)],
         ["https://docs.voyageai.com/docs/api-key-and-installation"])
    rule("serpapi.api-key", "SerpApi API key", "medium",
         r"(?:" + provider_key(r"serp_?api[a-z0-9_.-]{0,16}?(?:key|token)") +
         r"|(?i:serpapi\.com)/[^ \t\r\n\"'<>#?]{0,64}\?(?:[^ \t\r\n\"'<>#]{0,200}&)?api_key=)"
         r"(?<secret>[0-9a-f]{64})\b",
         ["SERPAPI_API_KEY=%s" % _hex(64),
          "GET https://serpapi.com/search.json?engine=google&q=hush+test&api_key=%s" % _hex(64)],
         ["SERPAPI_API_KEY=%s" % _hex(40),
          "https://serpapi.com/search.json?q=hush&api_key=<key>"],
         ["https://serpapi.com/search-api"])
    rule("exa.api-key", "Exa search API key", "medium",
         provider_key(r"(?:\b|_)exa[a-z0-9_.-]{0,16}?(?:api_?key|key|token)") +
         r"(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["EXA_API_KEY=%s" % fakes.guid(R),
          '{"exaApiKey": "%s"}' % fakes.guid(R)],
         ["EXA_API_KEY=<key>",
          "HEXA_KEY=%s" % fakes.guid(R)],
         ["https://docs.exa.ai/reference/getting-started"])
